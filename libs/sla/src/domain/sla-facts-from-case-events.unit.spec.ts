import { Actor, CaseEvent } from '@heard/cases';
import { caseOpened, hoursAfterOpening as hours } from '@heard/cases/testing';
import { BUILT_IN_POLICY_SET } from './built-in-policy-set';
import { slaClock } from './sla-clock';
import { slaFactsFromCaseEvents } from './sla-facts-from-case-events';

const agent: Actor = { id: 'a-1', role: 'agent' };
const customer: Actor = { id: 'c-1', role: 'customer' };
const by = (at: string) => ({ by: agent, at });

const history: CaseEvent[] = [
  caseOpened({ priority: 'high' }),
  {
    type: 'CaseAssigned',
    data: {
      ownerId: 'M-1',
      teamId: null,
      assignedBy: { kind: 'person', personId: 'a-1' },
      reason: 'r',
      at: hours(0),
    },
  },
  { type: 'CaseAcknowledged', data: by(hours(1)) },
  { type: 'NoteAdded', data: { ...by(hours(1)), noteId: 'n-1', text: 'called the store' } },
  {
    type: 'ReplySent',
    data: { ...by(hours(2)), replyId: 'r-1', fromCustomer: false, text: 'We are on it' },
  },
  { type: 'AwaitingCustomer', data: { ...by(hours(3)), reason: 'which till?' } },
  {
    type: 'ReplySent',
    data: { by: customer, at: hours(5), replyId: 'r-2', fromCustomer: true, text: 'Till 3' },
  },
  { type: 'CaseResumed', data: { by: customer, at: hours(5), newDueAt: hours(74) } },
  { type: 'PriorityChanged', data: { ...by(hours(6)), from: 'high', to: 'urgent', reason: null } },
  { type: 'CaseRecategorized', data: { ...by(hours(6)), from: 'queue', to: 'staff' } },
  { type: 'CaseEscalated', data: { ...by(hours(7)), level: 1, to: 'P-9', reason: 'angry' } },
  {
    type: 'CaseResolved',
    data: { ...by(hours(8)), code: 'fixed', summary: 's', customerMessage: 'm' },
  },
  { type: 'CaseReopened', data: { ...by(hours(9)), reason: 'again', newDueAt: hours(81) } },
  {
    type: 'CaseResolved',
    data: { ...by(hours(10)), code: 'fixed', summary: 's', customerMessage: 'm' },
  },
  { type: 'CaseClosed', data: by(hours(11)) },
];

describe('SLA facts from case events', () => {
  it('keeps what moves a clock, and nothing of what people wrote', () => {
    expect(slaFactsFromCaseEvents(history)).toEqual([
      {
        type: 'opened',
        at: hours(0),
        priority: 'high',
        category: 'queue',
        channel: 'store',
        kind: 'complaint',
        storeId: 'S-042',
        regionId: 'R-N',
      },
      { type: 'acknowledged', at: hours(1) },
      { type: 'public_reply', at: hours(2) },
      { type: 'paused', at: hours(3) },
      { type: 'resumed', at: hours(5) },
      { type: 'priority_changed', at: hours(6), to: 'urgent' },
      { type: 'escalated', at: hours(7), level: 1 },
      { type: 'resolved', at: hours(8) },
      { type: 'reopened', at: hours(9) },
      { type: 'resolved', at: hours(10) },
      { type: 'closed', at: hours(11) },
    ]);
  });

  it('folds into the built-in clock: 72 hours 24x7, the wait for the customer not counted', () => {
    const clock = slaClock(slaFactsFromCaseEvents(history.slice(0, 8)), BUILT_IN_POLICY_SET, {
      timeZone: 'Europe/Berlin',
    });
    expect(clock).toMatchObject({
      policyId: 'built-in-default',
      policySetVersion: 0,
      counting: { kind: '24x7', note: '24x7 in Europe/Berlin' },
      asOf: hours(5),
      targets: [
        {
          kind: 'resolution',
          state: 'running',
          pausedMs: 2 * 3600_000,
          elapsedMs: 3 * 3600_000,
          dueAt: hours(74),
        },
      ],
    });
  });

  it('reads a recorded breach as breached when it was due, and warnings and terms as nothing', () => {
    const events: CaseEvent[] = [
      caseOpened(),
      {
        type: 'SlaApplied',
        data: {
          policyId: 'p',
          policySetVersion: 1,
          calendarId: null,
          calendarVersion: null,
          timeZone: 'UTC',
          at: hours(0),
        },
      },
      {
        type: 'SlaWarned',
        data: { target: 'resolution', cycle: 1, dueAt: hours(72), at: hours(58) },
      },
      {
        type: 'SlaBreached',
        data: { target: 'resolution', cycle: 1, dueAt: hours(72), lateByMs: 900, at: hours(73) },
      },
    ];
    expect(slaFactsFromCaseEvents(events).slice(1)).toEqual([
      { type: 'breached', at: hours(72), target: 'resolution', cycle: 1 },
    ]);
  });
});
