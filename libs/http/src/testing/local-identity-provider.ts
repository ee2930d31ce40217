import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CryptoKey, exportJWK, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';

type Algorithm = 'RS256' | 'ES256';

interface SigningKey {
  readonly kid: string;
  readonly alg: Algorithm;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

async function signingKey(kid: string, alg: Algorithm): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * An OIDC identity provider on 127.0.0.1, shaped like a Keycloak realm: discovery at
 * /realms/heard/.well-known/openid-configuration, keys at .../protocol/openid-connect/certs.
 * It counts the requests it answers, can rotate its key, and can be stopped and resumed on the
 * same port to play an outage.
 */
export class LocalIdentityProvider {
  readonly requests = { discovery: 0, jwks: 0 };
  /** Status of every answer while set (a provider that answers but is broken). */
  failWith: number | null = null;
  /** The issuer its discovery document names, when it should lie about it (a mix-up). */
  discoveryIssuer: string | null = null;
  private published: SigningKey[];
  private server: Server;
  private rotations = 0;

  private constructor(
    private current: SigningKey,
    private readonly port: number,
  ) {
    this.published = [current];
    this.server = this.newServer();
  }

  static async start(alg: Algorithm = 'RS256'): Promise<LocalIdentityProvider> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const provider = new LocalIdentityProvider(await signingKey('key-1', alg), port);
    await provider.resume();
    return provider;
  }

  get issuer(): string {
    return `http://127.0.0.1:${this.port}/realms/heard`;
  }

  get jwksUri(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  get kid(): string {
    return this.current.kid;
  }

  /**
   * A token signed with the current key: iss is this provider, iat now and exp in five minutes
   * unless the claims say otherwise (a claim given as undefined is left out).
   */
  async sign(claims: JWTPayload, header: { kid?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.issuer, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({
        alg: this.current.alg,
        typ: 'JWT',
        kid: header.kid ?? this.current.kid,
      })
      .sign(this.current.privateKey);
  }

  /** A new key signs from now on and is the only one published; the old one is withdrawn. */
  async rotate(): Promise<void> {
    this.rotations++;
    this.current = await signingKey(`key-${this.rotations + 1}`, this.current.alg);
    this.published = [this.current];
  }

  /** Stops listening and drops open connections: requests to it are refused. */
  async stop(): Promise<void> {
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
  }

  /** Listens again on the same port. */
  async resume(): Promise<void> {
    this.server = this.newServer();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
  }

  private newServer(): Server {
    return createServer((request, response) => {
      const path = new URL(request.url ?? '/', this.issuer).pathname;
      const discovery = path === '/realms/heard/.well-known/openid-configuration';
      const jwks = path === '/realms/heard/protocol/openid-connect/certs';
      if (discovery) this.requests.discovery++;
      if (jwks) this.requests.jwks++;
      if (this.failWith !== null || (!discovery && !jwks)) {
        response.statusCode = this.failWith ?? 404;
        response.end();
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(
          discovery
            ? {
                issuer: this.discoveryIssuer ?? this.issuer,
                jwks_uri: this.jwksUri,
                id_token_signing_alg_values_supported: ['RS256'],
              }
            : { keys: this.published.map((k) => k.jwk) },
        ),
      );
    });
  }
}
