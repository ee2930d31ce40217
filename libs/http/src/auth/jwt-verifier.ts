import { OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@heard/kernel';
import { errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { IdentityProvider } from './identity-provider';
import { JwtSettings } from './jwt-settings';
import { heardRoleIn } from './role-claim';
import { unstorableCharacter } from '../input/storable-text';
import { InvalidTokenError } from './token-errors';

/** Identity providers' subjects are UUIDs or short ids; the event store caps ids at 200. */
const MAX_SUBJECT_LENGTH = 200;

/** A token whose signature, issuer, audience and times were checked. */
export interface VerifiedToken {
  readonly sub: string;
  /** Null when the role claim holds none of Heard's roles (answered 403). */
  readonly role: Role | null;
  readonly claims: JWTPayload;
}

/** Identity providers sign with RSA or ECDSA; HS256 is only for Heard's own secret. */
const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

/**
 * Clients send the same token with every request, and checking its signature costs about 100 µs
 * (jose, HS256 or RS256, on the 2-core development machine) against under 1 µs for a lookup. A
 * verified token is remembered briefly: long enough to spare the work under load, short enough
 * that a key removed from the provider's JWKS stops being honoured soon. exp and nbf are checked
 * on every use.
 */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_KEPT = 10_000;

interface Remembered {
  readonly token: VerifiedToken;
  readonly until: number;
}

interface Checks {
  readonly algorithms: readonly string[];
  /** Fixed, or the discovered one; undefined: not checked (HS256 without JWT_ISSUER). */
  readonly issuer: () => Promise<string | undefined>;
  readonly audience: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly roleClaim: string;
}

function refusal(error: unknown, issuer: string | undefined, audience: readonly string[]): unknown {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('token has expired (exp)');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const missing = error.reason === 'missing';
    switch (error.claim) {
      case 'exp':
        return new InvalidTokenError(
          missing
            ? 'token has no expiry (exp); tokens without exp are refused'
            : 'token exp must be a number',
        );
      case 'nbf':
        return new InvalidTokenError(
          error.reason === 'invalid'
            ? 'token nbf must be a number'
            : 'token is not valid yet (nbf)',
        );
      case 'iss':
        return new InvalidTokenError(`token issuer (iss) must be ${issuer}`);
      case 'aud':
        return new InvalidTokenError(`token audience (aud) must include ${audience.join(' or ')}`);
      case 'sub':
        return new InvalidTokenError('token has no subject (sub)');
      default:
        return new InvalidTokenError(`token ${error.claim} claim: ${error.message}`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidTokenError('token signature is invalid');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new InvalidTokenError('token algorithm (alg) is not accepted');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return new InvalidTokenError(`token is not a JWT: ${error.message}`);
  if (error instanceof errors.JOSEError)
    return new InvalidTokenError(`token refused: ${error.message}`);
  return error;
}

function providerOf(settings: JwtSettings): IdentityProvider | null {
  const cooldownMs = settings.jwksCooldownSeconds * 1000;
  if (settings.oidcIssuerUrl)
    return IdentityProvider.withDiscovery(settings.oidcIssuerUrl, cooldownMs);
  if (!settings.jwksUrl) return null;
  if (!settings.jwtIssuer) throw new Error('JWKS_URL needs JWT_ISSUER');
  return IdentityProvider.withJwks(settings.jwksUrl, settings.jwtIssuer, cooldownMs);
}

/**
 * Verifies bearer tokens with jose: HS256 with Heard's secret, or RS256/ES256 with an identity
 * provider's keys (JWKS_URL, or discovered from OIDC_ISSUER_URL). exp is required; nbf, issuer
 * and audience are checked; clocks may differ by the configured tolerance.
 */
export class JwtVerifier implements OnApplicationBootstrap {
  private readonly verified = new Map<string, Remembered>();

  private constructor(
    private readonly key: JWTVerifyGetKey,
    private readonly checks: Checks,
    private readonly provider: IdentityProvider | null,
  ) {}

  static fromSettings(settings: JwtSettings): JwtVerifier {
    const common = {
      audience: settings.jwtAudience,
      clockToleranceSeconds: settings.jwtClockToleranceSeconds,
      roleClaim: settings.jwtRoleClaim,
    };
    const provider = providerOf(settings);
    if (provider)
      return new JwtVerifier(
        provider.key,
        { ...common, algorithms: PROVIDER_ALGORITHMS, issuer: () => provider.issuer() },
        provider,
      );
    if (!settings.jwtSecret)
      throw new Error('JwtVerifier needs JWT_SECRET, JWKS_URL or OIDC_ISSUER_URL');
    const issuer = settings.jwtIssuer ?? undefined;
    const secret = new TextEncoder().encode(settings.jwtSecret);
    return new JwtVerifier(
      async () => secret,
      { ...common, algorithms: ['HS256'], issuer: async () => issuer },
      null,
    );
  }

  /** The claim roles are read from, for messages. */
  get roleClaim(): string {
    return this.checks.roleClaim;
  }

  /** Starts discovery and the first key fetch without holding up the start; failures are logged. */
  onApplicationBootstrap(): void {
    void this.provider?.warmUp();
  }

  async verify(token: string, now: Date = new Date()): Promise<VerifiedToken> {
    const remembered = this.verified.get(token);
    if (remembered !== undefined && remembered.until > now.getTime()) {
      this.checkTimes(remembered.token.claims, now);
      return remembered.token;
    }
    const verified = await this.checkToken(token, now);
    if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
    this.verified.set(token, { token: verified, until: now.getTime() + VERIFIED_FOR_MS });
    return verified;
  }

  private async checkToken(token: string, now: Date): Promise<VerifiedToken> {
    const { algorithms, audience, clockToleranceSeconds, roleClaim } = this.checks;
    const issuer = await this.checks.issuer();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [...algorithms],
        issuer,
        audience: audience.length > 0 ? [...audience] : undefined,
        clockTolerance: clockToleranceSeconds,
        currentDate: now,
        requiredClaims: ['exp', 'sub'],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '')
        throw new InvalidTokenError('token has no subject (sub)');
      // The subject becomes an id in queries and events: one no store can hold is no identity.
      const unstorable = unstorableCharacter(payload.sub);
      if (unstorable !== null || payload.sub.length > MAX_SUBJECT_LENGTH)
        throw new InvalidTokenError(
          `token subject (sub) must be at most ${MAX_SUBJECT_LENGTH} characters of storable text` +
            (unstorable === null ? '' : `; it holds ${unstorable}`),
        );
      return { sub: payload.sub, role: heardRoleIn(payload, roleClaim), claims: payload };
    } catch (error) {
      throw refusal(error, issuer, audience);
    }
  }

  /** jose's rules, for a token remembered from an earlier request. */
  private checkTimes(claims: JWTPayload, now: Date): void {
    const seconds = Math.floor(now.getTime() / 1000);
    const tolerance = this.checks.clockToleranceSeconds;
    if (typeof claims.nbf === 'number' && claims.nbf > seconds + tolerance)
      throw new InvalidTokenError('token is not valid yet (nbf)');
    if (typeof claims.exp === 'number' && claims.exp <= seconds - tolerance)
      throw new InvalidTokenError('token has expired (exp)');
  }
}
