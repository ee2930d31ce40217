import type { Scope } from '@heard/kernel';

/** The fields of an improvement that decide who may see and change it. */
export interface ImprovementScopeFacts {
  readonly storeIds: readonly string[];
  readonly owner: string;
  readonly proposedBy: string;
}

const within = (storeIds: readonly string[], scope: { storeIds: readonly string[] }) =>
  storeIds.length > 0 && storeIds.every((s) => scope.storeIds.includes(s));

/**
 * Who may propose an improvement for `storeIds`: cx_admin for any (none: the whole chain); a
 * regional manager for stores of their regions, a store manager for their stores, never for none.
 */
export function mayProposeFor(scope: Scope, storeIds: readonly string[]): boolean {
  if (scope.kind === 'everything') return true;
  return scope.kind === 'staff' && within(storeIds, scope);
}

/** Staff see an improvement they own or proposed, or one for any of their stores. */
export function mayRead(scope: Scope, facts: ImprovementScopeFacts): boolean {
  if (scope.kind === 'everything') return true;
  if (scope.kind !== 'staff') return false;
  return (
    facts.owner === scope.personId ||
    facts.proposedBy === scope.personId ||
    facts.storeIds.some((s) => scope.storeIds.includes(s))
  );
}

/** Start, ship, cancel and link: its owner, or someone who could have proposed it. */
export function mayChange(scope: Scope, facts: ImprovementScopeFacts): boolean {
  if (scope.kind === 'everything') return true;
  if (scope.kind !== 'staff') return false;
  return facts.owner === scope.personId || within(facts.storeIds, scope);
}
