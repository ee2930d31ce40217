import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { CaseMergeKeys } from './case-merge-keys.table';

describe.each(readModelDatabasesUnderTest())('case merge keys on %s', (_name, factory) => {
  let database: ReadModelDatabase;
  const facts = { customerId: 'C-1', storeId: 'S-042', category: 'queue' };
  const opened = { caseId: 'f-1', openedAt: '2026-11-20T10:00:00.000Z', open: true };

  beforeEach(async () => {
    database = await factory();
  });
  afterEach(() => database.dispose());

  it('creates its table on first use and keeps it across connections', async () => {
    const keys = new CaseMergeKeys(await database.open([]));
    expect(await keys.find(facts)).toBeNull();
    await keys.claim(facts, opened);
    const again = new CaseMergeKeys(await database.open([]));
    expect(await again.find(facts)).toEqual(opened);
    expect(await again.find({ ...facts, storeId: null })).toBeNull();
  });

  it('follows a case closing, reopening and moving to another category', async () => {
    const keys = new CaseMergeKeys(await database.open([]));
    await keys.claim(facts, opened);
    await keys.markOpen('f-1', false);
    expect(await keys.find(facts)).toEqual({ ...opened, open: false });
    await keys.markOpen('f-1', true);
    await keys.recategorize('f-1', 'staff');
    expect(await keys.find(facts)).toBeNull();
    expect(await keys.find({ ...facts, category: 'staff' })).toEqual(opened);
  });

  it('lets a newer case take the key and leaves an open holder of a new category alone', async () => {
    const keys = new CaseMergeKeys(await database.open([]));
    await keys.claim(facts, opened);
    const newer = { caseId: 'f-2', openedAt: '2026-11-29T10:00:00.000Z', open: true };
    await keys.claim(facts, newer);
    expect(await keys.find(facts)).toEqual(newer);
    const staff = { ...facts, category: 'staff' };
    await keys.claim(staff, { ...newer, caseId: 'f-3' });
    await keys.recategorize('f-2', 'staff');
    expect(await keys.find(staff)).toMatchObject({ caseId: 'f-3' });
    expect(await keys.find(facts)).toEqual(newer);
  });

  it('answers many lookups and claims made at once, each on its own', async () => {
    const keys = new CaseMergeKeys(await database.open([]));
    const of = (n: number) => ({ ...facts, customerId: `C-${n}` });
    const caseOf = (n: number) => ({ ...opened, caseId: `f-${n}` });
    // Made in one tick, so they share statements; the key of C-2 is claimed twice, the later wins.
    await Promise.all([
      ...[1, 2, 3].map((n) => keys.claim(of(n), caseOf(n))),
      keys.claim(of(2), { ...caseOf(22), open: false }),
    ]);
    const [one, two, three, none] = await Promise.all([1, 2, 3, 4].map((n) => keys.find(of(n))));
    expect([one, two, three, none]).toEqual([
      caseOf(1),
      { ...caseOf(22), open: false },
      caseOf(3),
      null,
    ]);
    expect(
      await Promise.all(['f-1', 'f-3', 'f-3', 'f-9'].map((id) => keys.customerOf(id))),
    ).toEqual(['C-1', 'C-3', 'C-3', null]);
  });
});
