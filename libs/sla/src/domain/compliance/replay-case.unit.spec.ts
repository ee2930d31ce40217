import { kyiv, storeHours } from '../calendars.fixture';
import { SlaFact } from '../sla-fact';
import { SlaPolicy, SlaPolicySet } from '../sla-policy';
import { pausesOf } from './measured-target';
import { replayCase } from './replay-case';

const H = 3_600_000;
const M = 60_000;
const business = (duration: string) => ({ duration, calendar: 'business' as const });
const policy = (resolution: string, firstResponse?: string): SlaPolicy => ({
  policyId: `resolve-${resolution}`,
  name: 'Store complaints',
  match: {},
  targets: {
    resolution: business(resolution),
    ...(firstResponse === undefined ? {} : { firstResponse: business(firstResponse) }),
  },
  warnAt: 0.8,
  escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') }],
});
const setOf = (defaultPolicy: SlaPolicy, version = 1): SlaPolicySet => ({
  version,
  policies: [],
  defaultPolicy,
});
const at = (local: string) => kyiv(local).toISOString();
const opened = (local: string): SlaFact => ({
  type: 'opened',
  at: at(local),
  priority: 'normal',
  category: 'queues',
  channel: 'store',
  kind: 'complaint',
  storeId: 'S-42',
  regionId: 'R-1',
});
const fact = (type: 'acknowledged' | 'paused' | 'resumed' | 'resolved', local: string) =>
  ({ type, at: at(local) }) as SlaFact;

/** Friday 4 December 2026 at 17:55 in Kyiv, the store open 08:00–22:00 Monday to Saturday. */
const friday = [
  opened('2026-12-04T17:55'),
  fact('acknowledged', '2026-12-04T21:55'),
  // Saturday: resolved at 12:00, 8 h 05 of open time after the opening.
  fact('resolved', '2026-12-05T12:00'),
];
const monday = new Date(kyiv('2026-12-07T09:00'));

describe('replaying a case under policies', () => {
  it('given a complaint resolved on Saturday noon, when replayed under 8 business hours, then the resolution breached, in business and wall-clock time', () => {
    const replayed = replayCase(friday, setOf(policy('PT8H', 'PT1H')), storeHours, monday);
    expect(replayed?.policyId).toBe('resolve-PT8H');
    const [first, resolution] = replayed!.targets;
    expect(first).toMatchObject({
      kind: 'firstResponse',
      state: 'breached',
      businessMs: 4 * H,
      wallClockMs: 4 * H,
    });
    expect(resolution).toMatchObject({
      kind: 'resolution',
      cycle: 1,
      state: 'breached',
      dueAt: Date.parse(at('2026-12-05T11:55')),
      doneAt: Date.parse(at('2026-12-05T12:00')),
      businessMs: 8 * H + 5 * M,
      // 18 h 05 on the wall: the store is closed from 22:00 to 08:00.
      wallClockMs: 18 * H + 5 * M,
    });
  });

  it('given the same history, when replayed under a looser draft, then the same times meet it', () => {
    const replayed = replayCase(friday, setOf(policy('PT12H', 'PT6H'), -1), storeHours, monday);
    expect(replayed!.targets.map((t) => [t.kind, t.state, t.businessMs])).toEqual([
      ['firstResponse', 'met', 4 * H],
      ['resolution', 'met', 8 * H + 5 * M],
    ]);
  });

  it('given a store without a calendar, when replayed, then business time is every hour', () => {
    const replayed = replayCase(friday, setOf(policy('PT8H')), { timeZone: 'Europe/Kyiv' }, monday);
    expect(replayed!.targets[0]).toMatchObject({
      kind: 'resolution',
      businessMs: 18 * H + 5 * M,
      wallClockMs: 18 * H + 5 * M,
    });
  });

  it('given a wait for the customer, when measured, then business time leaves the wait out and wall-clock time keeps it', () => {
    const history = [
      opened('2026-12-07T09:00'),
      fact('paused', '2026-12-07T10:00'),
      fact('resumed', '2026-12-07T13:00'),
      fact('resolved', '2026-12-07T15:00'),
    ];
    const [resolution] = replayCase(history, setOf(policy('PT8H')), storeHours, monday)!.targets;
    expect(resolution).toMatchObject({ state: 'met', businessMs: 3 * H, wallClockMs: 6 * H });
  });

  it('given a breach and an escalation the recorded policy caused, when replayed, then they are left out and the draft alone decides', () => {
    const history: SlaFact[] = [
      ...friday.slice(0, 2),
      { type: 'breached', at: at('2026-12-05T11:55'), target: 'resolution', cycle: 1 },
      { type: 'escalated', at: at('2026-12-05T11:56'), level: 1 },
      friday[2],
    ];
    const loose = replayCase(history, setOf(policy('PT12H'), -1), storeHours, monday)!;
    expect(loose.targets).toHaveLength(1);
    expect(loose.targets[0]).toMatchObject({ kind: 'resolution', state: 'met', cycle: 1 });
  });

  it('given a case still open past due, when replayed as of now, then it is breached and has no time taken', () => {
    const [resolution] = replayCase(
      [opened('2026-12-04T17:55')],
      setOf(policy('PT8H')),
      storeHours,
      monday,
    )!.targets;
    expect(resolution).toMatchObject({ state: 'breached', doneAt: null, businessMs: null });
  });

  it('given a history without its opening, when replayed, then there is nothing to count', () => {
    expect(
      replayCase([fact('resolved', '2026-12-05T12:00')], setOf(policy('PT8H')), null, monday),
    ).toBeNull();
  });

  it('given a wait never ended, when the pauses are read, then it runs on', () => {
    expect(pausesOf([opened('2026-12-07T09:00'), fact('paused', '2026-12-07T10:00')])).toEqual([
      [Date.parse(at('2026-12-07T10:00')), Infinity],
    ]);
  });
});
