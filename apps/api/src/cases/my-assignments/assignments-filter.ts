import { ScopeFilter } from '@heard/cases/subscriptions';
import { Scope } from '@heard/kernel';

/** Work on the caller's plate: cases they own, escalated to them, or of the stores they run. */
export function assignmentsFilter(personId: string, scope: Scope): ScopeFilter {
  const storeIds = scope.kind === 'staff' ? scope.storeIds : [];
  return {
    kind: 'any_of',
    conditions: [
      { field: 'ownerId', equals: personId },
      { field: 'escalatedTo', contains: personId },
      ...(storeIds.length > 0 ? [{ field: 'storeId', in: storeIds } as const] : []),
    ],
  };
}
