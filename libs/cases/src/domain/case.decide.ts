import { DomainError } from '@heard/kernel';
import { decideSla, isSlaCommand } from './case-sla.decide';
import { CaseCommand } from './case.commands';
import { CaseEvent } from './case.events';
import { ActiveCase, CaseState } from './case.state';
import { CUSTOMER_REOPEN_WINDOW_MS, CaseStatus } from './case.types';

const ms = (iso: string) => new Date(iso).getTime();
const plusMs = (iso: string, delta: number) => new Date(ms(iso) + delta).toISOString();

function requireStatus(state: ActiveCase, allowed: readonly CaseStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw new DomainError(
      `case.${state.status}`,
      `cannot ${action} a case that is ${state.status.replace('_', ' ')}`,
    );
  }
}

const STAFF_ONLY = 'only staff can do this on a case';

/**
 * The rules of working a case. Who may touch which case (scoping) is checked before this, at the
 * edge; here only what the role itself allows: a customer can reply and reopen, nothing else.
 */
export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  if (command.type === 'OpenCase') {
    if (state.status !== 'none') return [];
    const { type: _type, feedbackId, ...rest } = command;
    return [{ type: 'CaseOpened', data: { ...rest, feedbackIds: [feedbackId] } }];
  }
  if (state.status === 'none')
    throw new DomainError('case.not_found', 'case does not exist', 'not_found');
  if (command.type === 'AttachFeedback') {
    if (state.feedbackIds.includes(command.feedbackId)) return [];
    requireStatus(state, ['open', 'awaiting_customer'], 'attach feedback to');
    return [{ type: 'FeedbackAttached', data: { feedbackId: command.feedbackId, at: command.at } }];
  }
  if (command.type === 'AssignCase') {
    // An unassigned outcome is always recorded: its reason says why nobody owns the case.
    const same = state.ownerId === command.ownerId && state.teamId === command.teamId;
    if (same && command.ownerId !== null) return [];
    requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'assign');
    const { type: _type, ...data } = command;
    return [{ type: 'CaseAssigned', data }];
  }
  if (command.type === 'ChangeCaseRegion') {
    if (state.regionId === command.regionId) return [];
    requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'move');
    const { regionId, reason, at } = command;
    return [
      { type: 'CaseRegionChanged', data: { from: state.regionId, to: regionId, reason, at } },
    ];
  }
  if (isSlaCommand(command)) return decideSla(command, state);
  const { by, at } = command;
  const customer = by.role === 'customer';
  if (customer && command.type !== 'SendReply' && command.type !== 'ReopenCase') {
    throw new DomainError('case.forbidden', STAFF_ONLY, 'forbidden');
  }
  switch (command.type) {
    case 'AcknowledgeCase':
      if (state.acknowledgedAt !== null) return [];
      requireStatus(state, ['open', 'awaiting_customer'], 'acknowledge');
      return [{ type: 'CaseAcknowledged', data: { by, at } }];
    case 'AddNote':
      requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'add a note to');
      return [{ type: 'NoteAdded', data: { by, at, noteId: command.noteId, text: command.text } }];
    case 'SendReply': {
      const data = { by, at, replyId: command.replyId, text: command.text, fromCustomer: customer };
      if (!customer) {
        requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'reply on');
        return [{ type: 'ReplySent', data }];
      }
      requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'reply on');
      if (state.status === 'resolved') requireWithinReopenWindow(state, at);
      // A customer's answer restarts the SLA clock that waited for it.
      const resumed: CaseEvent[] =
        state.status === 'awaiting_customer'
          ? [{ type: 'CaseResumed', data: { by, at, newDueAt: resumedDueAt(state, at) } }]
          : [];
      return [{ type: 'ReplySent', data }, ...resumed];
    }
    case 'AwaitCustomer':
      requireStatus(state, ['open'], 'wait for the customer on');
      return [{ type: 'AwaitingCustomer', data: { by, at, reason: command.reason } }];
    case 'ResumeCase':
      requireStatus(state, ['awaiting_customer'], 'resume');
      return [{ type: 'CaseResumed', data: { by, at, newDueAt: resumedDueAt(state, at) } }];
    case 'ChangePriority':
      if (state.priority === command.priority) return [];
      requireStatus(state, ['open', 'awaiting_customer'], 'change the priority of');
      return [
        {
          type: 'PriorityChanged',
          data: { by, at, from: state.priority, to: command.priority, reason: command.reason },
        },
      ];
    case 'RecategorizeCase':
      if (state.category === command.category) return [];
      requireStatus(state, ['open', 'awaiting_customer', 'resolved'], 'recategorize');
      return [
        { type: 'CaseRecategorized', data: { by, at, from: state.category, to: command.category } },
      ];
    case 'EscalateCase':
      requireStatus(state, ['open', 'awaiting_customer'], 'escalate');
      return [
        {
          type: 'CaseEscalated',
          data: {
            by,
            at,
            level: state.escalationLevel + 1,
            to: command.to,
            reason: command.reason,
          },
        },
      ];
    case 'ResolveCase': {
      requireStatus(state, ['open', 'awaiting_customer'], 'resolve');
      const { code, summary, customerMessage, improvementId } = command;
      const named = improvementId === undefined ? {} : { improvementId };
      return [{ type: 'CaseResolved', data: { by, at, code, summary, customerMessage, ...named } }];
    }
    case 'ReopenCase':
      requireStatus(state, ['resolved'], 'reopen');
      if (customer) requireWithinReopenWindow(state, at);
      return [
        {
          type: 'CaseReopened',
          data: {
            by,
            at,
            reason: command.reason,
            newDueAt: plusMs(at, state.targetHours * 3600_000),
          },
        },
      ];
    case 'CloseCase':
      requireStatus(state, ['resolved'], 'close');
      return [{ type: 'CaseClosed', data: { by, at } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/** The time spent waiting for the customer does not count against the owner's deadline. */
function resumedDueAt(state: ActiveCase, at: string): string {
  const paused = state.pausedAt === null ? 0 : Math.max(0, ms(at) - ms(state.pausedAt));
  return plusMs(state.dueAt, paused);
}

function requireWithinReopenWindow(state: ActiveCase, at: string): void {
  if (state.resolvedAt !== null && ms(at) - ms(state.resolvedAt) > CUSTOMER_REOPEN_WINDOW_MS) {
    throw new DomainError(
      'case.reopen_window_passed',
      'a customer can answer or reopen a case only within 14 days of its resolution',
      'forbidden',
    );
  }
}
