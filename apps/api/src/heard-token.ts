import { HeardConfig } from '@heard/config';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';

export type HeardTokenSettings = Pick<
  HeardConfig,
  'jwtSecret' | 'jwtIssuer' | 'jwtAudience' | 'jwtRoleClaim'
>;

/**
 * A token this Heard accepts: HS256 with JWT_SECRET, the role where JWT_ROLE_CLAIM looks (a claim
 * with the whole name is read first), iss and aud when JWT_ISSUER and JWT_AUDIENCE are set.
 */
export function heardToken(
  settings: HeardTokenSettings & { jwtSecret: string },
  who: { sub: string; role: Role },
  lifetimeSeconds: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  return signHs256(
    {
      sub: who.sub,
      [settings.jwtRoleClaim]: who.role,
      ...(settings.jwtIssuer ? { iss: settings.jwtIssuer } : {}),
      ...(settings.jwtAudience.length > 0 ? { aud: settings.jwtAudience[0] } : {}),
      iat: nowSeconds,
      exp: nowSeconds + lifetimeSeconds,
    },
    settings.jwtSecret,
    nowSeconds,
  );
}
