import { SlaFact } from '../../domain/sla-fact';
import { SlaCaseCount } from './sla-case-count';
import { SlaCaseRecord } from './sla-case-record';
import { SlaCase } from './sla-case.entity';

export function recordOfRow(row: SlaCase): SlaCaseRecord {
  return {
    caseId: row.caseId,
    version: row.version,
    facts: JSON.parse(row.facts) as SlaFact[],
    alerts: JSON.parse(row.alerts) as string[],
    terms:
      row.policyId === null || row.policySetVersion === null
        ? null
        : {
            policyId: row.policyId,
            policySetVersion: row.policySetVersion,
            builtInResolution: row.builtInResolution,
            calendarId: row.calendarId,
            calendarVersion: row.calendarVersion,
            timeZone: row.timeZone ?? 'UTC',
          },
  };
}

export function rowOf(record: SlaCaseRecord, count: SlaCaseCount | null): SlaCase {
  const t = record.terms;
  return {
    caseId: record.caseId,
    version: record.version,
    facts: JSON.stringify(record.facts),
    alerts: JSON.stringify(record.alerts),
    policyId: t?.policyId ?? null,
    policySetVersion: t?.policySetVersion ?? null,
    builtInResolution: t?.builtInResolution ?? null,
    calendarId: t?.calendarId ?? null,
    calendarVersion: t?.calendarVersion ?? null,
    timeZone: t?.timeZone ?? null,
    clock: count?.clock ? JSON.stringify(count.clock) : null,
    nearestDueAt: count?.nearestDueAt ? new Date(count.nearestDueAt) : null,
    slaState: count?.slaState ?? null,
  };
}
