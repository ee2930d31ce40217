import { ROLES, Role } from '@heard/kernel';

/**
 * The value at a claim name, or else at a dotted path: Keycloak nests roles (realm_access.roles),
 * while Auth0 namespaces claims with URLs that contain dots themselves.
 */
function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The first of Heard's roles the claim holds (a string, an array, an object's keys), in its order; null if none. */
export function heardRoleIn(claims: Readonly<Record<string, unknown>>, path: string): Role | null {
  const value = claimAt(claims, path);
  // Zitadel sends project roles as an object keyed by role name.
  const candidates: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.keys(value)
      : [value];
  const role = candidates.find(
    (candidate): candidate is Role =>
      typeof candidate === 'string' && (ROLES as readonly string[]).includes(candidate),
  );
  return role ?? null;
}
