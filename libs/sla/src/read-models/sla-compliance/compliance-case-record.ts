import { CaseEvent } from '@heard/cases';
import { SlaFact } from '../../domain/sla-fact';
import { recordSlaEvent, SlaCaseRecord, SlaCaseTerms } from '../sla-cases/sla-case-record';

/** What compliance keeps of a case: the SLA record and what the case is grouped by. */
export interface ComplianceCaseRecord {
  readonly caseId: string;
  readonly version: number;
  readonly openedAt: string | null;
  readonly storeId: string | null;
  readonly regionId: string | null;
  readonly teamId: string | null;
  readonly ownerId: string | null;
  readonly facts: readonly SlaFact[];
  readonly terms: SlaCaseTerms | null;
}

/**
 * The record after one case event at `version`; the same record when it already reflects it (a
 * replay). Region follows the store, team and owner follow the latest assignment.
 */
export function complianceCaseAfter(
  record: ComplianceCaseRecord | null,
  caseId: string,
  version: number,
  event: CaseEvent,
): ComplianceCaseRecord {
  if (record !== null && record.version >= version) return record;
  const base: ComplianceCaseRecord = record ?? {
    caseId,
    version,
    openedAt: null,
    storeId: null,
    regionId: null,
    teamId: null,
    ownerId: null,
    facts: [],
    terms: null,
  };
  const sla: SlaCaseRecord = {
    caseId,
    version: record === null ? -1 : base.version,
    facts: base.facts,
    alerts: [],
    terms: base.terms,
  };
  const { facts, terms } = recordSlaEvent(sla, caseId, version, event) ?? sla;
  const next = { ...base, version, facts, terms };
  switch (event.type) {
    case 'CaseOpened': {
      const { at, storeId, regionId } = event.data;
      return { ...next, openedAt: at, storeId, regionId };
    }
    case 'CaseRegionChanged':
      return { ...next, regionId: event.data.to };
    case 'CaseAssigned':
      return { ...next, ownerId: event.data.ownerId, teamId: event.data.teamId };
    default:
      return next;
  }
}
