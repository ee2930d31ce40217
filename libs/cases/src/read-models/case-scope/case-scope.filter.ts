import type { Scope } from '@heard/kernel';

/** The fields of a case that decide who may see it. */
export interface CaseScopeFacts {
  readonly storeId: string | null;
  readonly regionId: string | null;
  readonly teamId: string | null;
  readonly ownerId: string | null;
  readonly customerId: string | null;
  readonly escalatedTo: readonly string[];
}

export type ScopeCondition =
  | { readonly field: 'storeId' | 'regionId' | 'teamId'; readonly in: readonly string[] }
  | { readonly field: 'ownerId' | 'customerId'; readonly equals: string }
  | { readonly field: 'escalatedTo'; readonly contains: string };

/** Which cases a scope sees: all, none, or those meeting any one of the conditions. */
export type ScopeFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'any_of'; readonly conditions: readonly ScopeCondition[] };

/**
 * One definition of visibility for both the SQL list and the single-case check, so a case that
 * the list hides can never be read or worked by id.
 */
export function caseScopeFilter(scope: Scope): ScopeFilter {
  switch (scope.kind) {
    case 'everything':
      return { kind: 'all' };
    case 'nothing':
      return { kind: 'none' };
    case 'customer':
      return { kind: 'any_of', conditions: [{ field: 'customerId', equals: scope.customerId }] };
    case 'staff': {
      const lists = [
        { field: 'storeId', in: scope.storeIds },
        { field: 'regionId', in: scope.regionIds },
        { field: 'teamId', in: scope.teamIds },
      ] as const;
      return {
        kind: 'any_of',
        conditions: [
          // Staff always see what they own or was escalated to them, whatever their stores,
          // regions and teams.
          { field: 'ownerId', equals: scope.personId },
          { field: 'escalatedTo', contains: scope.personId },
          ...lists.filter((c) => c.in.length > 0),
        ],
      };
    }
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}

const meets = (condition: ScopeCondition, facts: CaseScopeFacts): boolean => {
  if (condition.field === 'escalatedTo') return facts.escalatedTo.includes(condition.contains);
  const value = facts[condition.field];
  if (value === null) return false;
  return 'equals' in condition ? value === condition.equals : condition.in.includes(value);
};

export function scopeFilterAllows(filter: ScopeFilter, facts: CaseScopeFacts): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'none') return false;
  return filter.conditions.some((condition) => meets(condition, facts));
}

export const caseVisibleTo = (scope: Scope, facts: CaseScopeFacts): boolean =>
  scopeFilterAllows(caseScopeFilter(scope), facts);
