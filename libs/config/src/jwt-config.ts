import { ConfigError, HeardConfig } from './config';

type Env = Readonly<Record<string, string | undefined>>;

export type JwtConfig = Pick<
  HeardConfig,
  | 'jwtSecret'
  | 'jwksUrl'
  | 'oidcIssuerUrl'
  | 'jwtIssuer'
  | 'jwtAudience'
  | 'jwtClockToleranceSeconds'
  | 'jwtRoleClaim'
  | 'jwksCooldownSeconds'
  | 'usingDevelopmentSecret'
>;

export const DEVELOPMENT_JWT_SECRET = 'heard-development-secret-do-not-use-in-production';

const text = (env: Env, name: string): string | null => env[name]?.trim() || null;

function httpUrl(env: Env, name: string): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(name, `must be a URL (got "${raw}")`);
  }
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new ConfigError(name, `must start with https:// or http:// (got "${raw}")`);
  return raw;
}

function wholeSeconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new ConfigError(
      name,
      `must be a whole number of seconds from ${min} to ${max} (got "${raw}")`,
    );
  return value;
}

function roleClaim(env: Env): string {
  const raw = text(env, 'JWT_ROLE_CLAIM') ?? 'role';
  if (raw.split('.').some((segment) => segment === ''))
    throw new ConfigError(
      'JWT_ROLE_CLAIM',
      `must be a claim name or a dotted path such as realm_access.roles (got "${raw}")`,
    );
  return raw;
}

const withoutTrailingSlash = (issuer: string) => issuer.replace(/\/+$/, '');

/**
 * Where bearer tokens' keys come from (a shared secret, a JWKS, or an OIDC issuer's discovery) and
 * what a token must say to be accepted. A provider's tokens are checked for issuer and audience, so
 * that a token the same provider issued for another application is refused.
 */
export function loadJwtConfig(env: Env, embedded: boolean): JwtConfig {
  const secret = text(env, 'JWT_SECRET');
  const jwksUrl = httpUrl(env, 'JWKS_URL');
  const oidcIssuerUrl = httpUrl(env, 'OIDC_ISSUER_URL');
  if (jwksUrl !== null && oidcIssuerUrl !== null)
    throw new ConfigError(
      'OIDC_ISSUER_URL',
      'cannot be set together with JWKS_URL: discovery names the JWKS (set one of them)',
    );
  const provider = jwksUrl !== null || oidcIssuerUrl !== null;
  if (secret === null && !provider && !embedded)
    throw new ConfigError(
      'JWT_SECRET',
      'or JWKS_URL or OIDC_ISSUER_URL is required outside the embedded default',
    );
  if (secret !== null && secret.length < 32)
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const issuer = text(env, 'JWT_ISSUER');
  if (jwksUrl !== null && issuer === null)
    throw new ConfigError(
      'JWT_ISSUER',
      'is required when JWKS_URL is set: the iss your identity provider writes in its tokens',
    );
  if (
    oidcIssuerUrl !== null &&
    issuer !== null &&
    withoutTrailingSlash(issuer) !== withoutTrailingSlash(oidcIssuerUrl)
  )
    throw new ConfigError(
      'JWT_ISSUER',
      `must be OIDC_ISSUER_URL or unset when OIDC_ISSUER_URL is set (got "${issuer}")`,
    );
  const audience = (text(env, 'JWT_AUDIENCE') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (provider && audience.length === 0)
    throw new ConfigError(
      'JWT_AUDIENCE',
      "is required when JWKS_URL or OIDC_ISSUER_URL is set: Heard's client or API id in the provider's aud claim",
    );
  return {
    // With an identity provider, Heard accepts none of its own HS256 tokens, whatever JWT_SECRET says.
    jwtSecret: provider ? null : (secret ?? DEVELOPMENT_JWT_SECRET),
    jwksUrl,
    oidcIssuerUrl,
    jwtIssuer: oidcIssuerUrl !== null ? null : issuer,
    jwtAudience: audience,
    jwtClockToleranceSeconds: wholeSeconds(env, 'JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
    jwtRoleClaim: roleClaim(env),
    jwksCooldownSeconds: wholeSeconds(env, 'JWKS_COOLDOWN_SECONDS', 30, 1, 3600),
    usingDevelopmentSecret: secret === null && !provider,
  };
}
