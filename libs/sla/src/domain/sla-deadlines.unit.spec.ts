import { kyiv, storeHours } from './calendars.fixture';
import { slaClock } from './sla-clock';
import { slaDeadlines } from './sla-deadlines';
import { SlaFact } from './sla-fact';
import { SlaPolicySet } from './sla-policy';

const set: SlaPolicySet = {
  version: 2,
  policies: [],
  defaultPolicy: {
    policyId: 'p-1',
    name: 'store',
    match: {},
    targets: {
      firstResponse: { duration: 'PT1H', calendar: 'business' },
      resolution: { duration: 'PT8H', calendar: 'business' },
    },
    warnAt: 0.8,
    escalation: [],
  },
};
const at = (local: string) => kyiv(local).toISOString();
const opened: SlaFact = {
  type: 'opened',
  at: at('2026-11-20T17:55'),
  priority: 'normal',
  category: 'queues',
  channel: 'store',
  kind: 'complaint',
  storeId: 'S-42',
  regionId: 'R-1',
};

describe('SLA deadlines', () => {
  it('lists the warnings and breaches owed by running targets, soonest first', () => {
    const clock = slaClock([opened], set, storeHours);
    expect(clock && slaDeadlines(clock)).toEqual([
      { at: at('2026-11-20T18:43'), kind: 'warn', target: 'firstResponse', cycle: 1 },
      { at: at('2026-11-20T18:55'), kind: 'breach', target: 'firstResponse', cycle: 1 },
      { at: at('2026-11-21T10:19'), kind: 'warn', target: 'resolution', cycle: 1 },
      { at: at('2026-11-21T11:55'), kind: 'breach', target: 'resolution', cycle: 1 },
    ]);
  });

  it('owes nothing for met, breached or paused targets', () => {
    const history: SlaFact[] = [
      opened,
      { type: 'acknowledged', at: at('2026-11-20T18:00') },
      { type: 'breached', target: 'resolution', at: at('2026-11-21T11:55') },
    ];
    const clock = slaClock(history, set, storeHours);
    expect(clock && slaDeadlines(clock)).toEqual([]);
    const paused = slaClock(
      [opened, { type: 'paused', at: at('2026-11-20T18:00') }],
      set,
      storeHours,
    );
    expect(paused && slaDeadlines(paused)).toEqual([]);
  });
});
