import { caseDecider } from '../../domain/case.decider';
import { CaseEvent } from '../../domain/case.events';
import { ActiveCase } from '../../domain/case.state';
import { caseOpened, hoursAfterOpening } from '../../testing/case-opened.fixture';
import { followStoreChange, StoreChange } from './store-change';

const at = hoursAfterOpening(5);
const ownedBy = (ownerId: string, ...more: CaseEvent[]): ActiveCase =>
  [
    caseOpened({ storeId: 'S-042', regionId: 'R-N' }),
    {
      type: 'CaseAssigned',
      data: {
        ownerId,
        teamId: null,
        assignedBy: { kind: 'rule', ruleId: 'builtin', rulesVersion: 0 },
        reason: 'store manager',
        at: hoursAfterOpening(0),
      },
    } as CaseEvent,
    ...more,
  ].reduce(caseDecider.evolve, caseDecider.initialState()) as ActiveCase;

const change = (over: Partial<StoreChange> = {}): StoreChange => ({
  storeId: 'S-042',
  before: { regionId: 'R-N', managerId: 'M-42' },
  now: { regionId: 'R-N', managerId: 'M-42' },
  position: 100n,
  at,
  ...over,
});

describe('a case following its store', () => {
  it('takes the region the store is in now, with the move as its reason', () => {
    const moved = change({ now: { regionId: 'R-S', managerId: 'M-42' } });
    expect(followStoreChange(moved, { state: ownedBy('M-42'), ownerSetAt: 10n })).toEqual([
      {
        type: 'ChangeCaseRegion',
        regionId: 'R-S',
        reason: 'store S-042 moved from region R-N to region R-S',
        at,
      },
    ]);
  });

  it("goes from the former manager to the new one, and only the former manager's cases do", () => {
    const handedOver = change({ now: { regionId: 'R-N', managerId: 'M-1' } });
    expect(followStoreChange(handedOver, { state: ownedBy('M-42'), ownerSetAt: 10n })).toEqual([
      {
        type: 'AssignCase',
        ownerId: 'M-1',
        teamId: null,
        assignedBy: { kind: 'directory', storeId: 'S-042' },
        reason: "store S-042's manager changed from M-42 to M-1",
        at,
      },
    ]);
    expect(followStoreChange(handedOver, { state: ownedBy('A-1'), ownerSetAt: 10n })).toEqual([]);
  });

  it('leaves a case handed to the former manager after the change, and a vacant post', () => {
    const handedOver = change({ now: { regionId: 'R-N', managerId: 'M-1' } });
    expect(followStoreChange(handedOver, { state: ownedBy('M-42'), ownerSetAt: 101n })).toEqual([]);
    const vacant = change({ now: { regionId: 'R-N', managerId: null } });
    expect(followStoreChange(vacant, { state: ownedBy('M-42'), ownerSetAt: 10n })).toEqual([]);
  });

  it('moves straight to where the store is now when it lags behind two changes', () => {
    // M-42 -> M-1 at 100, then M-1 -> M-7: handling the first now goes to M-7 at once.
    const first = change({ now: { regionId: 'R-N', managerId: 'M-7' } });
    expect(followStoreChange(first, { state: ownedBy('M-42'), ownerSetAt: 10n })).toMatchObject([
      { type: 'AssignCase', ownerId: 'M-7' },
    ]);
    const second = change({
      before: { regionId: 'R-N', managerId: 'M-1' },
      now: { regionId: 'R-N', managerId: 'M-7' },
      position: 200n,
    });
    expect(followStoreChange(second, { state: ownedBy('M-7'), ownerSetAt: 250n })).toEqual([]);
  });

  it('leaves closed cases and cases of other stores untouched', () => {
    const agent = { id: 'A-1', role: 'agent' } as const;
    const closed = ownedBy(
      'M-42',
      {
        type: 'CaseResolved',
        data: { by: agent, at, code: 'x', summary: 'x', customerMessage: 'x' },
      },
      { type: 'CaseClosed', data: { by: agent, at } },
    );
    const everything = change({ now: { regionId: 'R-S', managerId: 'M-1' } });
    expect(followStoreChange(everything, { state: closed, ownerSetAt: 10n })).toEqual([]);
    expect(
      followStoreChange(
        { ...everything, storeId: 'S-001' },
        { state: ownedBy('M-42'), ownerSetAt: 10n },
      ),
    ).toEqual([]);
  });
});
