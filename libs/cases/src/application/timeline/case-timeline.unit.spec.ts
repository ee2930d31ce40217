import { RecordedEvent } from '@heard/event-store';
import { CaseEvent } from '../../domain/case.events';
import { caseTimeline } from './case-timeline';
import { caseOpened, hoursAfterOpening } from '../../testing/case-opened.fixture';

const at = hoursAfterOpening;
const manager = { id: 'M-42', role: 'store_manager' } as const;
const customer = { id: 'C-1', role: 'customer' } as const;

const events: CaseEvent[] = [
  caseOpened(),

  {
    type: 'CaseAssigned',
    data: {
      ownerId: 'M-42',
      teamId: null,
      assignedBy: { kind: 'rule', ruleId: 'r-3', rulesVersion: 7 },
      reason: "store S-042's manager is M-42 (rule r-3, version 7)",
      at: at(0),
    },
  },
  { type: 'FeedbackAttached', data: { feedbackId: 'f-2', at: at(1) } },
  { type: 'CaseAcknowledged', data: { by: manager, at: at(2) } },
  { type: 'NoteAdded', data: { by: manager, at: at(3), noteId: 'n-1', text: 'till 3 broken' } },
  {
    type: 'ReplySent',
    data: { by: customer, at: at(4), replyId: 'r-1', text: 'still slow', fromCustomer: true },
  },
  {
    type: 'CaseEscalated',
    data: { by: manager, at: at(5), level: 1, to: 'RM-1', reason: 'needs a second till budget' },
  },
  {
    type: 'CaseResolved',
    data: {
      by: manager,
      at: at(6),
      code: 'fixed',
      summary: 'second till opened',
      customerMessage: 'We opened a second till.',
    },
  },
];
const history: RecordedEvent[] = events.map((event, i) => ({
  ...event,
  eventId: `00000000-0000-7000-8000-00000000000${i}`,
  schemaVersion: 1,
  streamId: 'case-f-1',
  streamVersion: i + 1,
  globalPosition: BigInt(i + 1),
  occurredAt: new Date(0),
  recordedAt: new Date(0),
  correlationId: null,
  causationId: null,
  actor: null,
}));

describe('case timeline', () => {
  it('tells staff who did what, when and why', () => {
    const lines = caseTimeline(history, 'staff');
    expect(lines.map((l) => l.text)).toEqual([
      'Heard opened the case for complaint f-1 (channel store, store S-042, category queue, priority normal, due 2026-11-23T10:00:00.000Z): negative feedback gets a reaction within 72 hours',
      "Heard assigned the case to M-42: store S-042's manager is M-42 (rule r-3, version 7)",
      'Heard absorbed feedback f-2 from the same customer: same customer, store and category as this open case',
      'M-42 acknowledged the case',
      'M-42 added an internal note',
      'customer C-1 replied',
      'M-42 escalated the case to RM-1 (level 1): needs a second till budget',
      'M-42 resolved the case (fixed): second till opened',
    ]);
    expect(lines[3]).toMatchObject({ version: 4, when: at(2), who: 'M-42', why: null });
    expect(lines[4].detail).toBe('till 3 broken');
    expect(lines[7].detail).toBe('We opened a second till.');
  });

  it('shows customers only what was meant for them', () => {
    const lines = caseTimeline(history, 'customer');
    expect(lines.map((l) => l.text)).toEqual([
      'Heard opened the case for complaint f-1 (due 2026-11-23T10:00:00.000Z): negative feedback gets a reaction within 72 hours',
      'Heard added feedback f-2 to the case',
      'Heard acknowledged the case',
      'customer C-1 replied',
      'Heard resolved the case',
    ]);
    expect(lines.map((l) => l.version)).toEqual([1, 3, 4, 6, 8]);
    expect(lines.at(-1)?.detail).toBe('We opened a second till.');
    const told = JSON.stringify(lines);
    for (const internal of ['M-42', 'RM-1', 'rule r-3', 'till 3 broken', 'second till opened']) {
      expect(told).not.toContain(internal);
    }
  });

  it('keeps wait reasons, priority reasons and staff reasons for reopening from customers', () => {
    const more: CaseEvent[] = [
      { type: 'AwaitingCustomer', data: { by: manager, at: at(7), reason: 'ask about till 3' } },
      {
        type: 'PriorityChanged',
        data: { by: manager, at: at(8), from: 'normal', to: 'high', reason: 'press enquiry' },
      },
      { type: 'CaseReopened', data: { by: manager, at: at(9), reason: 'audit', newDueAt: at(81) } },
      {
        type: 'CaseRegionChanged',
        data: { from: 'R-N', to: 'R-S', reason: 'store S-042 moved', at: at(10) },
      },
      {
        type: 'CaseReopened',
        data: { by: customer, at: at(11), reason: 'queue again', newDueAt: at(83) },
      },
    ];
    const lines = caseTimeline(
      more.map((event, i) => ({ ...history[0], ...event, streamVersion: 9 + i })),
      'customer',
    );
    expect(lines.map((l) => [l.who, l.why])).toEqual([
      ['Heard', null],
      ['Heard', null],
      ['customer C-1', 'queue again'],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/till 3|press enquiry|audit|R-S/);
  });

  it('says why a case waits unassigned', () => {
    const queued = {
      ...history[1],
      data: {
        ownerId: null,
        teamId: 'T-cx',
        assignedBy: { kind: 'rule', ruleId: 'default', rulesVersion: 2 },
        reason: 'team T-cx has no members, so the case waits unassigned in its queue',
        at: at(0),
      },
    };
    expect(caseTimeline([queued], 'staff')[0].text).toBe(
      'Heard left the case unassigned in the queue of team T-cx: team T-cx has no members, so the case waits unassigned in its queue',
    );
  });

  it('names SLA terms, warnings and breaches to staff and keeps them from customers', () => {
    const sla: CaseEvent[] = [
      {
        type: 'SlaApplied',
        data: {
          policyId: 'retail',
          policySetVersion: 3,
          calendarId: 'cal-1',
          calendarVersion: 2,
          timeZone: 'Europe/Berlin',
          at: at(0),
        },
      },
      {
        type: 'SlaRetargeted',
        data: {
          priority: 'urgent',
          policySetVersion: 3,
          fromPolicyId: 'retail',
          toPolicyId: 'urgent',
          dropped: ['nextUpdate'],
          at: at(1),
        },
      },
      {
        type: 'SlaWarned',
        data: { target: 'resolution', cycle: 1, dueAt: at(4), at: at(3) },
      },
      {
        type: 'SlaBreached',
        data: { target: 'firstResponse', cycle: 2, dueAt: at(4), lateByMs: 3_900_000, at: at(5) },
      },
    ];
    const recorded = sla.map((event, i) => ({ ...history[0], ...event, streamVersion: 9 + i }));
    expect(caseTimeline(recorded, 'staff').map((l) => l.text)).toEqual([
      'Heard applied SLA policy retail (policy set version 3), business time counted calendar cal-1 version 2 in Europe/Berlin',
      'Heard re-targeted the case under SLA policy urgent (was retail, policy set version 3); no longer counted: nextUpdate: the priority changed to urgent',
      `Heard warned that the resolution target is due ${at(4)}`,
      `Heard recorded a breach of the first response target (cycle 2), due ${at(4)}: not met in time; recorded 1 h 5 min after it was due`,
    ]);
    expect(caseTimeline(recorded, 'customer')).toEqual([]);
  });
});
