import { Scope } from '@heard/kernel';
import { caseScopeFilter, caseVisibleTo, CaseScopeFacts } from './case-scope.filter';

const staff = (over: Partial<Extract<Scope, { kind: 'staff' }>> = {}): Scope => ({
  kind: 'staff',
  personId: 'M-42',
  storeIds: [],
  regionIds: [],
  teamIds: [],
  ...over,
});
const facts: CaseScopeFacts = {
  storeId: 'S-042',
  regionId: 'R-N',
  teamId: 'T-cx',
  ownerId: 'A-1',
  customerId: 'C-1',
  escalatedTo: ['RM-2'],
};

describe('case scope filter', () => {
  it('lets staff see their stores, regions and teams, and always what they own', () => {
    expect(caseScopeFilter(staff({ storeIds: ['S-042'], teamIds: ['T-cx'] }))).toEqual({
      kind: 'any_of',
      conditions: [
        { field: 'ownerId', equals: 'M-42' },
        { field: 'escalatedTo', contains: 'M-42' },
        { field: 'storeId', in: ['S-042'] },
        { field: 'teamId', in: ['T-cx'] },
      ],
    });
    expect(caseScopeFilter(staff())).toEqual({
      kind: 'any_of',
      conditions: [
        { field: 'ownerId', equals: 'M-42' },
        { field: 'escalatedTo', contains: 'M-42' },
      ],
    });
  });

  it('gives cx_admin everything, a customer their own cases and an integration nothing', () => {
    expect(caseScopeFilter({ kind: 'everything' })).toEqual({ kind: 'all' });
    expect(caseScopeFilter({ kind: 'nothing' })).toEqual({ kind: 'none' });
    expect(caseScopeFilter({ kind: 'customer', customerId: 'C-1' })).toEqual({
      kind: 'any_of',
      conditions: [{ field: 'customerId', equals: 'C-1' }],
    });
  });

  it.each<[string, Scope, boolean]>([
    ['the store manager', staff({ storeIds: ['S-042'] }), true],
    ['another store manager', staff({ storeIds: ['S-001'] }), false],
    ['the region lead', staff({ regionIds: ['R-N'] }), true],
    ['a team member', staff({ teamIds: ['T-cx'] }), true],
    ['the owner outside their stores', staff({ personId: 'A-1', storeIds: ['S-001'] }), true],
    ['the person it was escalated to', staff({ personId: 'RM-2' }), true],
    ['the customer', { kind: 'customer', customerId: 'C-1' }, true],
    ['another customer', { kind: 'customer', customerId: 'C-2' }, false],
    ['cx_admin', { kind: 'everything' }, true],
    ['an integration', { kind: 'nothing' }, false],
  ])('decides whether %s sees one case', (_who, scope, visible) => {
    expect(caseVisibleTo(scope, facts)).toBe(visible);
  });

  it('never matches a missing field', () => {
    const anonymous = { ...facts, customerId: null, ownerId: null, escalatedTo: [] };
    expect(caseVisibleTo({ kind: 'customer', customerId: 'C-1' }, anonymous)).toBe(false);
  });
});
