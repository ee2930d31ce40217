import { Logger } from '@nestjs/common';
import {
  createRemoteJWKSet,
  customFetch,
  errors,
  FetchImplementation,
  FlattenedJWSInput,
  JWSHeaderParameters,
  RemoteJWKSet,
} from 'jose';
import { IdentityProviderUnavailableError, InvalidTokenError } from './token-errors';

const TIMEOUT_MS = 5_000;

interface Located {
  readonly issuer: string;
  readonly jwksUri: string;
}

interface Ready extends Located {
  readonly keys: RemoteJWKSet;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');
const reason = (error: unknown) =>
  error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
    : String(error);

/** OpenID Connect Discovery 1.0, section 4: the issuer must be the one asked about. */
async function discover(issuerUrl: string): Promise<Located> {
  const url = `${withoutTrailingSlash(issuerUrl)}/.well-known/openid-configuration`;
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const body = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (
    typeof body.issuer !== 'string' ||
    withoutTrailingSlash(body.issuer) !== withoutTrailingSlash(issuerUrl)
  )
    throw new Error(`${url} names the issuer ${JSON.stringify(body.issuer)}, not ${issuerUrl}`);
  if (typeof body.jwks_uri !== 'string' || !/^https?:\/\//.test(body.jwks_uri))
    throw new Error(`${url} names no http(s) jwks_uri`);
  return { issuer: body.issuer, jwksUri: body.jwks_uri };
}

/**
 * An identity provider's issuer and signing keys, fetched over HTTP (jose keeps, selects and
 * refreshes the keys). Callers cannot make Heard hammer the provider: jose fetches again for an
 * unknown kid only once the cool-down has passed since its last fetch, and after a failed attempt
 * (down, timeout, not 200, not JSON) every token is answered "unavailable" at once until the
 * cool-down has passed again.
 */
export class IdentityProvider {
  private readonly logger = new Logger('Auth');
  private ready: Ready | null = null;
  private pending: Promise<Ready> | null = null;
  private failedAt = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly locate: () => Promise<Located>,
    private readonly cooldownMs: number,
  ) {}

  /** Keys at a JWKS URL; tokens must carry the given issuer. */
  static withJwks(jwksUrl: string, issuer: string, cooldownMs: number): IdentityProvider {
    return new IdentityProvider(async () => ({ issuer, jwksUri: jwksUrl }), cooldownMs);
  }

  /** Issuer and keys from the issuer's /.well-known/openid-configuration, asked when first needed. */
  static withDiscovery(issuerUrl: string, cooldownMs: number): IdentityProvider {
    return new IdentityProvider(() => discover(issuerUrl), cooldownMs);
  }

  async issuer(): Promise<string> {
    return (await this.located()).issuer;
  }

  /** A key getter for jose's jwtVerify. */
  readonly key = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const { keys, jwksUri } = await this.located();
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey)
        throw new InvalidTokenError("no key of the identity provider matches the token's kid");
      if (error instanceof errors.JWKSMultipleMatchingKeys)
        throw new InvalidTokenError(
          'the token names no key (kid) and the identity provider has several',
        );
      if (error instanceof errors.JOSENotSupported)
        throw new InvalidTokenError('the token algorithm is not supported');
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw this.failed(`fetching the keys at ${jwksUri} failed`, error);
    }
  };

  /** Discovery and keys ahead of the first token, so that a provider that is down is logged at start. Never throws. */
  async warmUp(): Promise<void> {
    try {
      const { keys, jwksUri } = await this.located();
      await keys.reload().catch((error: unknown) => {
        throw this.failed(`fetching the keys at ${jwksUri} failed`, error);
      });
    } catch {
      // Logged by failed(); tokens answer 503 and the provider is asked again after the cool-down.
    }
  }

  private backingOff(): boolean {
    return Date.now() - this.failedAt < this.cooldownMs;
  }

  private failed(what: string, error: unknown): IdentityProviderUnavailableError {
    this.failedAt = Date.now();
    this.logger.warn(
      `identity provider: ${what}: ${reason(error)}. Tokens are answered 503 until it answers; ` +
        `asked again at most every ${this.cooldownMs / 1000} s`,
    );
    return new IdentityProviderUnavailableError();
  }

  private readonly gatedFetch: FetchImplementation = (url, options) =>
    this.backingOff()
      ? Promise.reject(new IdentityProviderUnavailableError())
      : fetch(url, options);

  private async located(): Promise<Ready> {
    if (this.ready) return this.ready;
    if (this.backingOff()) throw new IdentityProviderUnavailableError();
    this.pending ??= this.locate()
      .then(({ issuer, jwksUri }) => {
        const keys = createRemoteJWKSet(new URL(jwksUri), {
          cooldownDuration: this.cooldownMs,
          timeoutDuration: TIMEOUT_MS,
          [customFetch]: this.gatedFetch,
        });
        this.logger.log(`identity provider ${issuer}: keys at ${jwksUri}`);
        return (this.ready = { issuer, jwksUri, keys });
      })
      .catch((error: unknown) => {
        throw this.failed('discovery failed', error);
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
