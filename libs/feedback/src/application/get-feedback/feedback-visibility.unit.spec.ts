import { Actor, Scope } from '@heard/kernel';
import { mayReadFeedback, VisibilityFacts } from './feedback-visibility';

const facts: VisibilityFacts = {
  customerId: 'C-1',
  storeId: 'S-1',
  submittedBy: 'pos',
  caseVisible: false,
};
const staff = (storeIds: string[], teamIds: string[] = []): Scope => ({
  kind: 'staff',
  personId: 'm-1',
  storeIds,
  regionIds: [],
  teamIds,
});
const actor = (id: string, role: Actor['role']): Actor => ({ id, role });

describe('mayReadFeedback', () => {
  it.each<[string, Actor, Scope, boolean]>([
    ['cx_admin', actor('a', 'cx_admin'), { kind: 'everything' }, true],
    ['its customer', actor('C-1', 'customer'), { kind: 'customer', customerId: 'C-1' }, true],
    ['another customer', actor('C-2', 'customer'), { kind: 'customer', customerId: 'C-2' }, false],
    ['a manager of its store', actor('m-1', 'store_manager'), staff(['S-1']), true],
    ['a manager of other stores', actor('m-1', 'store_manager'), staff(['S-2']), false],
    ['the integration that sent it', actor('pos', 'integration'), { kind: 'nothing' }, true],
    ['another integration', actor('crm', 'integration'), { kind: 'nothing' }, false],
    ['an agent whatever its teams', actor('A-1', 'agent'), staff([], ['T-cx']), false],
  ])('%s: %s', (_label, viewer, scope, expected) => {
    expect(mayReadFeedback(viewer, scope, facts)).toBe(expected);
  });

  it('lets staff who may see its case read it, and only staff', () => {
    const withCase = { ...facts, caseVisible: true };
    expect(mayReadFeedback(actor('A-1', 'agent'), staff([], ['T-cx']), withCase)).toBe(true);
    expect(mayReadFeedback(actor('m-1', 'store_manager'), staff(['S-9']), withCase)).toBe(true);
    const other: Scope = { kind: 'customer', customerId: 'C-2' };
    expect(mayReadFeedback(actor('C-2', 'customer'), other, withCase)).toBe(false);
    expect(mayReadFeedback(actor('crm', 'integration'), { kind: 'nothing' }, withCase)).toBe(false);
  });

  it('gives a customer nothing through a submitter id that happens to match', () => {
    const scope: Scope = { kind: 'customer', customerId: 'pos' };
    expect(mayReadFeedback(actor('pos', 'customer'), scope, facts)).toBe(false);
  });
});
