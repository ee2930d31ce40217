import { CaseEvent, slaAlertKey } from '@heard/cases';
import { SlaFact } from '../../domain/sla-fact';
import { slaFactOf } from '../../domain/sla-facts-from-case-events';

/** What the projection keeps of a case before counting: its facts, terms and alerts. */
export interface SlaCaseRecord {
  readonly caseId: string;
  readonly version: number;
  readonly facts: readonly SlaFact[];
  readonly alerts: readonly string[];
  readonly terms: SlaCaseTerms | null;
}

export interface SlaCaseTerms {
  readonly policyId: string;
  readonly policySetVersion: number;
  readonly builtInResolution: string | null;
  readonly calendarId: string | null;
  readonly calendarVersion: number | null;
  readonly timeZone: string;
}

/**
 * The record after one case event at `version`; the same record when it already reflects it (a
 * replay) or the event changes nothing the clock reads.
 */
export function recordSlaEvent(
  record: SlaCaseRecord | null,
  caseId: string,
  version: number,
  event: CaseEvent,
): SlaCaseRecord | null {
  if (record !== null && record.version >= version) return record;
  const base = record ?? { caseId, version, facts: [], alerts: [], terms: null };
  const fact = slaFactOf(event);
  const facts = fact === null ? base.facts : [...base.facts, fact];
  switch (event.type) {
    case 'SlaApplied': {
      if (base.terms !== null) return { ...base, version, facts };
      const d = event.data;
      const terms: SlaCaseTerms = {
        policyId: d.policyId,
        policySetVersion: d.policySetVersion,
        builtInResolution: d.builtInResolution ?? null,
        calendarId: d.calendarId,
        calendarVersion: d.calendarVersion,
        timeZone: d.timeZone,
      };
      return { ...base, version, facts, terms };
    }
    case 'SlaWarned':
    case 'SlaBreached': {
      const kind = event.type === 'SlaWarned' ? 'warn' : 'breach';
      const key = slaAlertKey(kind, event.data.target, event.data.cycle);
      const alerts = base.alerts.includes(key) ? base.alerts : [...base.alerts, key];
      return { ...base, version, facts, alerts };
    }
    default:
      return { ...base, version, facts };
  }
}
