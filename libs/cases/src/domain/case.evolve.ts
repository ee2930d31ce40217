import { CaseEvent } from './case.events';
import { ActiveCase, CaseState } from './case.state';
import { slaAlertKey } from './case.types';

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const d = event.data;
    return {
      status: 'open',
      caseId: d.caseId,
      feedbackIds: d.feedbackIds,
      storeId: d.storeId,
      regionId: d.regionId,
      category: d.category,
      priority: d.priority,
      customerId: d.customerId,
      ownerId: null,
      teamId: null,
      openedAt: d.at,
      targetHours: d.sla.targetHours,
      dueAt: d.sla.dueAt,
      acknowledgedAt: null,
      pausedAt: null,
      resolvedAt: null,
      escalationLevel: 0,
      escalatedTo: [],
      sla: null,
      slaAlerts: [],
    };
  }
  if (state.status === 'none') return state;
  return evolveActive(state, event);
}

function evolveActive(
  state: ActiveCase,
  event: Exclude<CaseEvent, { type: 'CaseOpened' }>,
): ActiveCase {
  switch (event.type) {
    case 'FeedbackAttached':
      return { ...state, feedbackIds: [...state.feedbackIds, event.data.feedbackId] };
    case 'CaseAssigned':
      return { ...state, ownerId: event.data.ownerId, teamId: event.data.teamId };
    case 'CaseRegionChanged':
      return { ...state, regionId: event.data.to };
    case 'CaseAcknowledged':
      return { ...state, acknowledgedAt: event.data.at };
    case 'NoteAdded':
    case 'ReplySent':
      return state;
    case 'AwaitingCustomer':
      return { ...state, status: 'awaiting_customer', pausedAt: event.data.at };
    case 'CaseResumed':
      return { ...state, status: 'open', pausedAt: null, dueAt: event.data.newDueAt };
    case 'PriorityChanged':
      return { ...state, priority: event.data.to };
    case 'CaseRecategorized':
      return { ...state, category: event.data.to };
    case 'CaseEscalated':
      return {
        ...state,
        escalationLevel: event.data.level,
        escalatedTo: state.escalatedTo.includes(event.data.to)
          ? state.escalatedTo
          : [...state.escalatedTo, event.data.to],
      };
    case 'CaseResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.at, pausedAt: null };
    case 'CaseReopened':
      return { ...state, status: 'open', resolvedAt: null, dueAt: event.data.newDueAt };
    case 'CaseClosed':
      return { ...state, status: 'closed' };
    case 'SlaApplied': {
      const { policyId, policySetVersion } = event.data;
      return { ...state, sla: { policyId, policySetVersion } };
    }
    case 'SlaRetargeted':
      return state.sla === null
        ? state
        : { ...state, sla: { ...state.sla, policyId: event.data.toPolicyId } };
    case 'SlaWarned':
    case 'SlaBreached': {
      const { target, cycle } = event.data;
      const key = slaAlertKey(event.type === 'SlaWarned' ? 'warn' : 'breach', target, cycle);
      return { ...state, slaAlerts: [...state.slaAlerts, key] };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
