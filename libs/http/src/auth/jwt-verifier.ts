import {
  createHmac,
  createPublicKey,
  JsonWebKey,
  KeyObject,
  timingSafeEqual,
  verify,
} from 'node:crypto';

export class InvalidTokenError extends Error {}

export interface JwtClaims {
  readonly sub: string;
  readonly role?: unknown;
  readonly roles?: unknown;
  readonly exp?: number;
  readonly nbf?: number;
  readonly [claim: string]: unknown;
}

const decodeJson = (part: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through to the one error below
  }
  throw new InvalidTokenError('token is not a JWT');
};

type KeySource = (kid: string | undefined, alg: string) => Promise<KeyObject | Buffer>;

/**
 * Clients send the same token with every request, and checking its signature is a large part of a
 * small request's cost. A token whose signature was checked is remembered briefly: long enough to
 * spare the work under load, short enough that a key removed from the JWKS stops being honoured
 * soon. Expiry and not-before are still checked on every use.
 */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_KEPT = 10_000;

/** Verifies HS256 tokens with a shared secret, or RS256/ES256 tokens with keys from a JWKS URL. */
export class JwtVerifier {
  private jwks: { keys: Map<string, JsonWebKey & { kid?: string }>; fetchedAt: number } | null =
    null;

  private readonly verified = new Map<string, { claims: JwtClaims; until: number }>();

  private constructor(private readonly keyFor: KeySource) {}

  static withSecret(secret: string): JwtVerifier {
    const key = Buffer.from(secret, 'utf8');
    return new JwtVerifier(async (_kid, alg) => {
      if (alg !== 'HS256') throw new InvalidTokenError(`algorithm ${alg} is not accepted`);
      return key;
    });
  }

  static withJwks(
    url: string,
    fetchJson: (url: string) => Promise<unknown> = defaultFetch,
  ): JwtVerifier {
    const verifier: JwtVerifier = new JwtVerifier(async (kid, alg) => {
      if (alg !== 'RS256' && alg !== 'ES256')
        throw new InvalidTokenError(`algorithm ${alg} is not accepted`);
      const jwk = await verifier.jwk(url, kid, fetchJson);
      return createPublicKey({ key: jwk, format: 'jwk' });
    });
    return verifier;
  }

  async verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JwtClaims> {
    const remembered = this.verified.get(token);
    const claims =
      remembered !== undefined && remembered.until > Date.now()
        ? remembered.claims
        : await this.checkSigned(token);
    if (typeof claims.exp === 'number' && claims.exp < nowSeconds)
      throw new InvalidTokenError('token has expired');
    if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds)
      throw new InvalidTokenError('token is not valid yet');
    return claims;
  }

  /** Signature and subject: what depends on the token alone, never on the time of use. */
  private async checkSigned(token: string): Promise<JwtClaims> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new InvalidTokenError('token is not a JWT');
    const header = decodeJson(parts[0]);
    const alg = String(header.alg);
    const key = await this.keyFor(typeof header.kid === 'string' ? header.kid : undefined, alg);
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    if (!checkSignature(alg, signed, signature, key))
      throw new InvalidTokenError('token signature is invalid');
    const claims = decodeJson(parts[1]) as JwtClaims;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0)
      throw new InvalidTokenError('token has no subject');
    if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
    this.verified.set(token, { claims, until: Date.now() + VERIFIED_FOR_MS });
    return claims;
  }

  private async jwk(
    url: string,
    kid: string | undefined,
    fetchJson: (url: string) => Promise<unknown>,
  ) {
    const stale = !this.jwks || Date.now() - this.jwks.fetchedAt > 10 * 60_000;
    const missing = kid !== undefined && !this.jwks?.keys.has(kid);
    // A key rotation shows up as an unknown kid: fetch again, at most once per request.
    if (stale || missing) {
      const body = (await fetchJson(url)) as { keys?: (JsonWebKey & { kid?: string })[] };
      this.jwks = {
        keys: new Map((body.keys ?? []).map((k, i) => [k.kid ?? String(i), k])),
        fetchedAt: Date.now(),
      };
    }
    const keys = this.jwks!.keys;
    const jwk = kid !== undefined ? keys.get(kid) : keys.values().next().value;
    if (!jwk) throw new InvalidTokenError(`no key ${kid ?? ''} in the JWKS`);
    return jwk;
  }
}

function checkSignature(
  alg: string,
  signed: Buffer,
  signature: Buffer,
  key: KeyObject | Buffer,
): boolean {
  if (alg === 'HS256') {
    const expected = createHmac('sha256', key as Buffer)
      .update(signed)
      .digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  const keyObject = key as KeyObject;
  return alg === 'ES256'
    ? verify('sha256', signed, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature)
    : verify('sha256', signed, keyObject, signature);
}

async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new InvalidTokenError(`JWKS at ${url} answered ${response.status}`);
  return response.json();
}

/** Signs an HS256 token: for `npm run token` and tests. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}
