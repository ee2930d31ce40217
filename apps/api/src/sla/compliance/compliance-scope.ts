import { Scope } from '@heard/kernel';

/**
 * The regions whose cases a compliance report counts: every case for cx_admin (null), a region
 * lead's own regions; nothing for anyone else (the route refuses them before this).
 */
export function complianceRegionsOf(scope: Scope): readonly string[] | null {
  switch (scope.kind) {
    case 'everything':
      return null;
    case 'staff':
      return scope.regionIds;
    default:
      return [];
  }
}
