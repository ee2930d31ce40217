import fc from 'fast-check';
import { kyiv, storeHours } from '../calendars.fixture';
import { slaClock, slaCycles } from '../sla-clock';
import { SlaFact } from '../sla-fact';
import { SlaPolicySet } from '../sla-policy';
import { measureTargets } from './measured-target';

const business = (duration: string) => ({ duration, calendar: 'business' as const });
const set: SlaPolicySet = {
  version: 2,
  policies: [
    {
      policyId: 'urgent',
      name: 'Urgent',
      match: { priorities: ['urgent'] },
      targets: {
        firstResponse: { duration: 'PT30M', calendar: '24x7' },
        resolution: business('PT4H'),
      },
      warnAt: 0.8,
      escalation: [],
    },
  ],
  defaultPolicy: {
    policyId: 'standard',
    name: 'Standard',
    match: {},
    targets: {
      firstResponse: business('PT2H'),
      nextUpdate: { duration: 'PT6H', calendar: '24x7' },
      resolution: business('PT8H'),
    },
    warnAt: 0.8,
    escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') }],
  },
};
const START = kyiv('2026-12-04T17:55').getTime();
const STEPS = [
  'acknowledged',
  'public_reply',
  'paused',
  'resumed',
  'resolved',
  'reopened',
  'urgent',
] as const;

/** A random history: an opening, then steps minutes to days apart. */
const histories = fc
  .array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 1, max: 36 * 60 })), {
    maxLength: 8,
  })
  .map((steps) => {
    let at = START;
    const facts: SlaFact[] = [
      {
        type: 'opened',
        at: new Date(at).toISOString(),
        priority: 'normal',
        category: 'queue',
        channel: 'store',
        kind: 'complaint',
        storeId: 'S-1',
        regionId: 'R-1',
      },
    ];
    for (const [step, minutes] of steps) {
      at += minutes * 60_000;
      const iso = new Date(at).toISOString();
      facts.push(
        step === 'urgent'
          ? { type: 'priority_changed', at: iso, to: 'urgent' }
          : { type: step, at: iso },
      );
    }
    return { facts, now: at + 3 * 3_600_000 };
  });

describe('measured targets', () => {
  it('given any history, when measured, then each target has the due time and state the clock gives it', () => {
    fc.assert(
      fc.property(histories, ({ facts, now }) => {
        const clock = slaClock(facts, set, storeHours, new Date(now))!;
        const fromClock = [...clock.past, ...clock.targets]
          .filter((t) => t.escalationLevel === 0)
          .map((t) => [t.kind, t.cycle, t.dueAt === null ? null : Date.parse(t.dueAt), t.state])
          .sort();
        const measured = measureTargets(slaCycles(facts, set, storeHours)!, facts, now)
          .map((t) => [t.kind, t.cycle, t.dueAt, t.state])
          .sort();
        expect(measured).toEqual(fromClock);
      }),
      { numRuns: 300 },
    );
  });

  it('given any history, when measured, then no target took longer in business time than on the wall', () => {
    fc.assert(
      fc.property(histories, ({ facts, now }) => {
        for (const t of measureTargets(slaCycles(facts, set, storeHours)!, facts, now)) {
          if (t.doneAt === null) continue;
          expect(t.businessMs!).toBeGreaterThanOrEqual(0);
          expect(t.businessMs!).toBeLessThanOrEqual(t.wallClockMs!);
        }
      }),
      { numRuns: 300 },
    );
  });
});
