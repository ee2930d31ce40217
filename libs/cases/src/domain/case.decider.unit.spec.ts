import { deciderSpec } from '@heard/event-store/testing';
import { caseDecider } from './case.decider';
import { CaseEvent } from './case.events';
import { Actor } from './case.types';
import { caseOpened, hoursAfterOpening } from '../testing/case-opened.fixture';

const agent: Actor = { id: 'a-1', role: 'agent' };
const customer: Actor = { id: 'c-1', role: 'customer' };
const t0 = hoursAfterOpening(0);
const hours = hoursAfterOpening;

const opened = caseOpened({ regionId: 'R-1' });
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: {
    by: agent,
    at: hours(10),
    code: 'fixed',
    summary: 'second till opened',
    customerMessage: 'We opened a second till.',
  },
};
const spec = deciderSpec(caseDecider);

describe('case decider', () => {
  it('opens a case once per id', () => {
    const { type: _t, feedbackIds: _f, ...rest } = { type: 'OpenCase' as const, ...opened.data };
    const open = { type: 'OpenCase' as const, feedbackId: 'f-1', ...rest };
    spec.given([]).when(open).then([opened]);
    spec.given([opened]).when(open).then([]);
  });

  it('absorbs further feedback while open and refuses it once resolved', () => {
    spec
      .given([opened])
      .when({ type: 'AttachFeedback', feedbackId: 'f-2', at: hours(1) })
      .thenEmits([{ type: 'FeedbackAttached' }]);
    spec
      .given([opened, resolved])
      .when({ type: 'AttachFeedback', feedbackId: 'f-2', at: hours(11) })
      .thenThrows('case.resolved');
  });

  it('acknowledges once', () => {
    const ack = { type: 'AcknowledgeCase', by: agent, at: hours(1) } as const;
    spec
      .given([opened])
      .when(ack)
      .thenEmits([{ type: 'CaseAcknowledged' }]);
    spec
      .given([opened, { type: 'CaseAcknowledged', data: { by: agent, at: hours(1) } }])
      .when(ack)
      .then([]);
  });

  it('pauses the SLA clock while waiting for the customer and moves the deadline by the pause', () => {
    const waiting: CaseEvent = {
      type: 'AwaitingCustomer',
      data: { by: agent, at: hours(2), reason: 'which till?' },
    };
    const state = spec
      .given([opened, waiting])
      .when({ type: 'ResumeCase', by: agent, at: hours(12) })
      .thenState();
    expect(state).toMatchObject({ status: 'open', dueAt: hours(82) });
  });

  it("resumes on the customer's reply", () => {
    const waiting: CaseEvent = {
      type: 'AwaitingCustomer',
      data: { by: agent, at: hours(2), reason: 'which till?' },
    };
    spec
      .given([opened, waiting])
      .when({ type: 'SendReply', by: customer, at: hours(4), replyId: 'r-1', text: 'Till 3' })
      .thenEmits([
        { type: 'ReplySent', data: { fromCustomer: true } },
        { type: 'CaseResumed', data: { newDueAt: hours(74) } },
      ]);
  });

  it('lets a customer reply and reopen only, and only within 14 days of resolution', () => {
    spec
      .given([opened])
      .when({
        type: 'ResolveCase',
        by: customer,
        at: hours(1),
        code: 'x',
        summary: 'x',
        customerMessage: 'x',
      })
      .thenThrows('case.forbidden');
    spec
      .given([opened, resolved])
      .when({ type: 'ReopenCase', by: customer, at: hours(10 + 24 * 13), reason: 'still slow' })
      .thenEmits([{ type: 'CaseReopened' }]);
    spec
      .given([opened, resolved])
      .when({ type: 'ReopenCase', by: customer, at: hours(10 + 24 * 15), reason: 'still slow' })
      .thenThrows('case.reopen_window_passed');
    spec
      .given([opened, resolved])
      .when({ type: 'ReopenCase', by: agent, at: hours(10 + 24 * 30), reason: 'audit' })
      .thenEmits([{ type: 'CaseReopened' }]);
  });

  it('resolves open cases, closes resolved ones, and refuses work on closed ones', () => {
    spec
      .given([opened])
      .when({ type: 'CloseCase', by: agent, at: hours(1) })
      .thenThrows('case.open');
    const closed: CaseEvent = { type: 'CaseClosed', data: { by: agent, at: hours(20) } };
    spec
      .given([opened, resolved, closed])
      .when({ type: 'AddNote', by: agent, at: hours(21), noteId: 'n', text: 'late' })
      .thenThrows('case.closed');
    spec
      .given([opened, resolved])
      .when({
        type: 'ResolveCase',
        by: agent,
        at: hours(11),
        code: 'x',
        summary: 'x',
        customerMessage: 'x',
      })
      .thenThrows('case.resolved');
  });

  it('records the improvement a resolution names, and nothing when none is named', () => {
    const resolve = {
      type: 'ResolveCase',
      by: agent,
      at: hours(1),
      code: 'fixed',
      summary: 'x',
      customerMessage: 'x',
    } as const;
    spec
      .given([opened])
      .when({ ...resolve, improvementId: 'imp-1' })
      .thenEmits([{ type: 'CaseResolved', data: { improvementId: 'imp-1' } }]);
    const [plain] = spec
      .given([opened])
      .when(resolve)
      .thenEmits([{ type: 'CaseResolved' }]);
    expect(plain.data).not.toHaveProperty('improvementId');
  });

  it('escalates level by level and records priority and category changes with their old values', () => {
    const first: CaseEvent = {
      type: 'CaseEscalated',
      data: { by: agent, at: hours(1), level: 1, to: 'R-1-lead', reason: 'unanswered' },
    };
    spec
      .given([opened, first])
      .when({ type: 'EscalateCase', by: agent, at: hours(2), to: 'cx', reason: 'again' })
      .thenEmits([{ type: 'CaseEscalated', data: { level: 2 } }]);
    spec
      .given([opened])
      .when({ type: 'ChangePriority', by: agent, at: hours(1), priority: 'urgent', reason: null })
      .thenEmits([{ type: 'PriorityChanged', data: { from: 'normal', to: 'urgent' } }]);
    spec
      .given([opened])
      .when({ type: 'ChangePriority', by: agent, at: hours(1), priority: 'normal', reason: null })
      .then([]);
    spec
      .given([opened])
      .when({ type: 'RecategorizeCase', by: agent, at: hours(1), category: 'staff' })
      .thenEmits([{ type: 'CaseRecategorized', data: { from: 'queue', to: 'staff' } }]);
  });

  it('does not reassign to the same owner and refuses actions on a missing case', () => {
    const assign = {
      type: 'AssignCase',
      ownerId: 'M-42',
      teamId: null,
      assignedBy: { kind: 'rule', ruleId: 'default', rulesVersion: 1 },
      reason: 'store manager',
      at: hours(0),
    } as const;
    spec
      .given([opened])
      .when(assign)
      .thenEmits([{ type: 'CaseAssigned', data: { ownerId: 'M-42' } }]);
    spec
      .given([opened, { type: 'CaseAssigned', data: { ...assign } }])
      .when(assign)
      .then([]);
    spec
      .given([])
      .when({ type: 'AcknowledgeCase', by: agent, at: t0 })
      .thenThrows('case.not_found');
  });

  it('records an unassigned outcome in a team queue, and a later owner from the same team', () => {
    const queue = {
      type: 'AssignCase',
      ownerId: null,
      teamId: 'T-cx',
      assignedBy: { kind: 'rule', ruleId: 'default', rulesVersion: 2 },
      reason: 'team T-cx has no members',
      at: hours(0),
    } as const;
    spec
      .given([opened])
      .when(queue)
      .thenEmits([{ type: 'CaseAssigned', data: { ownerId: null, teamId: 'T-cx' } }]);
    const state = spec
      .given([opened, { type: 'CaseAssigned', data: { ...queue } }])
      .when({ ...queue, ownerId: 'A-1', assignedBy: { kind: 'person', personId: 'M-42' } })
      .thenState();
    expect(state).toMatchObject({ ownerId: 'A-1', teamId: 'T-cx' });
  });

  it('follows its store into another region, once, and never once closed', () => {
    const move = {
      type: 'ChangeCaseRegion',
      regionId: 'R-S',
      reason: 'store S-042 moved from region R-N to R-S',
      at: hours(3),
    } as const;
    spec
      .given([opened])
      .when(move)
      .then([
        {
          type: 'CaseRegionChanged',
          data: { from: 'R-1', to: 'R-S', reason: move.reason, at: hours(3) },
        },
      ]);
    expect(spec.given([opened]).when(move).thenState()).toMatchObject({ regionId: 'R-S' });
    spec
      .given([opened, { type: 'CaseRegionChanged', data: { ...move, from: 'R-1', to: 'R-S' } }])
      .when(move)
      .then([]);
    const closed: CaseEvent = { type: 'CaseClosed', data: { by: agent, at: hours(20) } };
    spec.given([opened, resolved, closed]).when(move).thenThrows('case.closed');
  });

  it("hands a case to the store's new manager as a directory assignment with its reason", () => {
    const handover = {
      type: 'AssignCase',
      ownerId: 'M-1',
      teamId: null,
      assignedBy: { kind: 'directory', storeId: 'S-042' },
      reason: "store S-042's manager changed from M-42 to M-1",
      at: hours(3),
    } as const;
    const owned: CaseEvent = {
      type: 'CaseAssigned',
      data: {
        ...handover,
        ownerId: 'M-42',
        assignedBy: { kind: 'rule', ruleId: 'b', rulesVersion: 0 },
      },
    };
    const { type: _type, ...data } = handover;
    spec
      .given([opened, owned])
      .when(handover)
      .then([{ type: 'CaseAssigned', data }]);
    spec
      .given([opened, owned, resolved, { type: 'CaseClosed', data: { by: agent, at: hours(20) } }])
      .when(handover)
      .thenThrows('case.closed');
  });

  it('remembers everyone a case was escalated to, each once', () => {
    const to = (person: string, level: number): CaseEvent => ({
      type: 'CaseEscalated',
      data: { by: agent, at: hours(level), level, to: person, reason: 'unanswered' },
    });
    const state = spec
      .given([opened, to('RM-1', 1), to('CX-1', 2)])
      .when({ type: 'EscalateCase', by: agent, at: hours(3), to: 'RM-1', reason: 'again' })
      .thenState();
    expect(state).toMatchObject({ escalationLevel: 3, escalatedTo: ['RM-1', 'CX-1'] });
  });
});
