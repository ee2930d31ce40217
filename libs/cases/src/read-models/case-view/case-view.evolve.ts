import type { RecordedEvent } from '@heard/event-store';
import { CaseEvent } from '../../domain/case.events';
import { evolveCase } from '../../domain/case.evolve';
import { ActiveCase, initialCaseState } from '../../domain/case.state';
import { CaseStatus, Priority } from '../../domain/case.types';
import type { CaseView } from './case-view.entity';

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** The row folds with the domain's own evolve, so the list can never disagree with the stream. */
export function caseStateOfRow(row: CaseView): ActiveCase {
  return {
    status: row.status as CaseStatus,
    caseId: row.caseId,
    feedbackIds: JSON.parse(row.feedbackIds) as string[],
    storeId: row.storeId,
    regionId: row.regionId,
    category: row.category,
    priority: row.priority as Priority,
    customerId: row.customerId,
    ownerId: row.ownerId,
    teamId: row.teamId,
    openedAt: row.openedAt.toISOString(),
    targetHours: row.targetHours,
    dueAt: row.dueAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    pausedAt: iso(row.pausedAt),
    resolvedAt: iso(row.resolvedAt),
    escalationLevel: row.escalationLevel,
    escalatedTo: JSON.parse(row.escalatedTo) as string[],
    // The SLA's terms and alerts live in the SLA context's read models, not in the case list.
    sla: null,
    slaAlerts: [],
  };
}

export function caseViewRowOf(state: ActiveCase, version: number, updatedAt: Date): CaseView {
  return {
    caseId: state.caseId,
    status: state.status,
    storeId: state.storeId,
    regionId: state.regionId,
    category: state.category,
    priority: state.priority,
    ownerId: state.ownerId,
    teamId: state.teamId,
    customerId: state.customerId,
    feedbackIds: JSON.stringify(state.feedbackIds),
    openedAt: new Date(state.openedAt),
    dueAt: new Date(state.dueAt),
    acknowledgedAt: date(state.acknowledgedAt),
    pausedAt: date(state.pausedAt),
    resolvedAt: date(state.resolvedAt),
    targetHours: state.targetHours,
    escalationLevel: state.escalationLevel,
    escalatedTo: JSON.stringify(state.escalatedTo),
    version,
    updatedAt,
  };
}

/** The row after `event`; the same row when it already reflects the event (a replay). */
export function evolveCaseView(row: CaseView | null, event: RecordedEvent): CaseView | null {
  if (row !== null && row.version >= event.streamVersion) return row;
  const state = row === null ? initialCaseState() : caseStateOfRow(row);
  const next = evolveCase(state, { type: event.type, data: event.data } as CaseEvent);
  if (next.status === 'none') return row;
  return caseViewRowOf(next, event.streamVersion, event.recordedAt);
}
