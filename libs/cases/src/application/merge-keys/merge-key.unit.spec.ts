import { caseToMergeInto, mergeKeyOf } from './merge-key';

const WEEK = 7 * 24 * 3600_000;
const opened = { caseId: 'f-1', openedAt: '2026-11-20T10:00:00.000Z', open: true };

describe('merge decision', () => {
  it('merges into an open case opened within the window', () => {
    expect(caseToMergeInto(opened, 'f-2', '2026-11-27T10:00:00.000Z', WEEK)).toBe('f-1');
    expect(caseToMergeInto(opened, 'f-2', '2026-11-27T10:00:00.001Z', WEEK)).toBeNull();
  });

  it('opens the own case for no candidate, a closed one, or its own (a redelivery)', () => {
    const at = '2026-11-21T10:00:00.000Z';
    expect(caseToMergeInto(null, 'f-2', at, WEEK)).toBeNull();
    expect(caseToMergeInto({ ...opened, open: false }, 'f-2', at, WEEK)).toBeNull();
    expect(caseToMergeInto(opened, 'f-1', at, WEEK)).toBeNull();
  });

  it('keys by customer, store and category without separator collisions', () => {
    const key = (customerId: string, storeId: string | null, category: string) =>
      mergeKeyOf({ customerId, storeId, category });
    expect(key('C-1', 'S|1', 'q')).not.toBe(key('C-1|S', '1', 'q'));
    expect(key('C-1', null, 'q')).not.toBe(key('C-1', 'null', 'q'));
    expect(key('C-1', 'S-1', 'q')).toHaveLength(64);
  });
});
