import { CaseEvent } from '@heard/cases';
import { Preferences } from '@heard/customers';
import { caseNoticeKindOf } from './case-notice-kind';
import { consentsToCaseUpdates, preferredChannel } from './case-updates-consent';
import { isPositiveFeedback } from './positive-feedback';
import { staffAlertsOf } from './staff-alerts-of';

const by = { id: 'A-1', role: 'agent' } as const;
const at = '2026-11-20T10:00:00.000Z';

describe('which case events a customer hears about', () => {
  it.each<[string, CaseEvent, string | null]>([
    ['an acknowledgement', { type: 'CaseAcknowledged', data: { by, at } }, 'case_acknowledged'],
    [
      "staff's public reply",
      { type: 'ReplySent', data: { by, at, replyId: 'r-1', fromCustomer: false, text: 'x' } },
      'case_reply',
    ],
    [
      "the customer's own reply",
      { type: 'ReplySent', data: { by, at, replyId: 'r-2', fromCustomer: true, text: 'x' } },
      null,
    ],
    [
      'a resolution',
      { type: 'CaseResolved', data: { by, at, code: 'fixed', summary: 's', customerMessage: 'm' } },
      'case_resolved',
    ],
    ['an internal note', { type: 'NoteAdded', data: { by, at, noteId: 'n-1', text: 'x' } }, null],
    ['a reopening', { type: 'CaseReopened', data: { by, at, reason: 'x', newDueAt: at } }, null],
    ['a closing', { type: 'CaseClosed', data: { by, at } }, null],
  ])('%s → %s', (_what, event, kind) => {
    expect(caseNoticeKindOf(event)).toBe(kind);
  });
});

describe('positive feedback (one definition: triage)', () => {
  it.each([
    ['praise, a review of 4-5 or a promoter', 'positive', false, true],
    ['neutral', 'neutral', false, false],
    ['negative', 'negative', true, false],
    // Triage never says both, but a case wins: it is answered as a complaint.
    ['positive words on feedback that opened a case', 'positive', true, false],
  ] as const)('%s', (_what, sentiment, needsCase, positive) => {
    expect(isPositiveFeedback({ sentiment, needsCase })).toBe(positive);
  });
});

describe('consent to case updates, as known when scheduling', () => {
  const prefs = (given: boolean | null, when = at): Preferences => ({
    customerId: 'C-1',
    channels: [{ channel: 'sms', address: '+380441234567' }, { channel: 'email' }],
    locale: 'uk',
    consents: given === null ? {} : { case_updates: { given, at: when, how: 'api' } },
    quietHours: null,
  });
  const later = '2026-11-21T10:00:00.000Z';

  it('is what the preferences say', () => {
    expect(consentsToCaseUpdates(prefs(true))).toBe(true);
    expect(consentsToCaseUpdates(prefs(false))).toBe(false);
    expect(consentsToCaseUpdates(prefs(null))).toBe(false);
    expect(consentsToCaseUpdates(null)).toBe(false);
  });

  it('counts consent given with the feedback before the preferences have it', () => {
    expect(consentsToCaseUpdates(null, { given: true, at })).toBe(true);
    expect(consentsToCaseUpdates(prefs(null), { given: true, at })).toBe(true);
    expect(
      consentsToCaseUpdates(prefs(false, '2026-11-19T10:00:00.000Z'), { given: true, at }),
    ).toBe(true);
  });

  it('lets an opt-out after the feedback win, and a feedback without consent withdraw nothing', () => {
    expect(consentsToCaseUpdates(prefs(false, later), { given: true, at })).toBe(false);
    expect(consentsToCaseUpdates(prefs(true), { given: false, at: later })).toBe(true);
    expect(consentsToCaseUpdates(null, { given: false, at })).toBe(false);
  });

  it("takes the customer's first channel, or none", () => {
    expect(preferredChannel(prefs(true))).toBe('sms');
    expect(preferredChannel({ ...prefs(true), channels: [] })).toBeNull();
    expect(preferredChannel(null)).toBeNull();
  });
});

describe('whom a staff alert tells', () => {
  const owned = { caseId: 'c-1', ownerId: 'M-42' };
  const queued = { caseId: 'c-1', ownerId: null };
  const warned: CaseEvent = {
    type: 'SlaWarned',
    data: { target: 'firstResponse', cycle: 1, dueAt: at, at },
  };
  const breached: CaseEvent = {
    type: 'SlaBreached',
    data: { target: 'resolution', cycle: 1, dueAt: at, lateByMs: 5, at },
  };

  it('tells the owner of a warning or breach, with the target', () => {
    expect(staffAlertsOf(warned, owned, 'e-1')).toEqual([
      { staffId: 'M-42', refs: { caseId: 'c-1', caseEventId: 'e-1', slaTarget: 'firstResponse' } },
    ]);
    expect(staffAlertsOf(breached, owned, 'e-2')).toEqual([
      { staffId: 'M-42', refs: { caseId: 'c-1', caseEventId: 'e-2', slaTarget: 'resolution' } },
    ]);
  });

  it('tells nobody of a warning on a case waiting in a queue', () => {
    expect(staffAlertsOf(warned, queued, 'e-1')).toEqual([]);
  });

  it('tells whom an escalation names, not the owner it leaves', () => {
    const escalated: CaseEvent = {
      type: 'CaseEscalated',
      data: {
        by,
        at,
        level: 2,
        to: 'RM-1',
        reason: 'missed',
        mode: 'watcher',
        missed: { target: 'resolution', cycle: 1, dueAt: at, lateByMs: 5 },
      },
    };
    expect(staffAlertsOf(escalated, owned, 'e-3')).toEqual([
      {
        staffId: 'RM-1',
        refs: { caseId: 'c-1', caseEventId: 'e-3', slaTarget: 'resolution', escalationLevel: 2 },
      },
    ]);
    const byHand: CaseEvent = {
      type: 'CaseEscalated',
      data: { by, at, level: 1, to: 'RM-2', reason: 'third time' },
    };
    expect(staffAlertsOf(byHand, queued, 'e-4')).toEqual([
      { staffId: 'RM-2', refs: { caseId: 'c-1', caseEventId: 'e-4', escalationLevel: 1 } },
    ]);
  });

  it('tells nobody of other case events', () => {
    expect(staffAlertsOf({ type: 'CaseAcknowledged', data: { by, at } }, owned, 'e-5')).toEqual([]);
  });
});
