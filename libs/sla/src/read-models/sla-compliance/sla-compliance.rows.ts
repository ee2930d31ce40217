import { ComplianceGroupKeys } from '../../domain/compliance/compliance-figures';
import { MeasuredTarget } from '../../domain/compliance/measured-target';
import { SlaFact } from '../../domain/sla-fact';
import { ComplianceCaseRecord } from './compliance-case-record';
import { SlaComplianceCase } from './sla-compliance-case.entity';
import { SlaComplianceTarget } from './sla-compliance-target.entity';

export function complianceRowOf(record: ComplianceCaseRecord): SlaComplianceCase {
  const t = record.terms;
  return {
    caseId: record.caseId,
    version: record.version,
    openedAt: record.openedAt === null ? null : new Date(record.openedAt),
    storeId: record.storeId,
    regionId: record.regionId,
    teamId: record.teamId,
    ownerId: record.ownerId,
    facts: JSON.stringify(record.facts),
    policyId: t?.policyId ?? null,
    policySetVersion: t?.policySetVersion ?? null,
    builtInResolution: t?.builtInResolution ?? null,
    calendarId: t?.calendarId ?? null,
    calendarVersion: t?.calendarVersion ?? null,
    timeZone: t?.timeZone ?? null,
  };
}

export function complianceRecordOf(row: SlaComplianceCase): ComplianceCaseRecord {
  return {
    caseId: row.caseId,
    version: row.version,
    openedAt: row.openedAt?.toISOString() ?? null,
    storeId: row.storeId,
    regionId: row.regionId,
    teamId: row.teamId,
    ownerId: row.ownerId,
    facts: JSON.parse(row.facts) as SlaFact[],
    terms:
      row.policyId === null || row.policySetVersion === null || row.timeZone === null
        ? null
        : {
            policyId: row.policyId,
            policySetVersion: row.policySetVersion,
            builtInResolution: row.builtInResolution,
            calendarId: row.calendarId,
            calendarVersion: row.calendarVersion,
            timeZone: row.timeZone,
          },
  };
}

/** What a case is grouped by, with the policy it counts under now. */
export const groupKeysOf = (
  record: Pick<ComplianceCaseRecord, 'storeId' | 'regionId' | 'teamId' | 'ownerId'>,
  policyId: string | null,
): ComplianceGroupKeys => ({
  store: record.storeId,
  region: record.regionId,
  team: record.teamId,
  owner: record.ownerId,
  policy: policyId,
});

export function targetRowOf(
  caseId: string,
  target: MeasuredTarget,
  groups: ComplianceGroupKeys,
): SlaComplianceTarget {
  const instant = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    caseId,
    kind: target.kind,
    cycle: target.cycle,
    dueAt: instant(target.dueAt),
    state: target.state,
    doneAt: instant(target.doneAt),
    businessMs: target.businessMs,
    wallClockMs: target.wallClockMs,
    storeId: groups.store,
    regionId: groups.region,
    teamId: groups.team,
    ownerId: groups.owner,
    policyId: groups.policy,
  };
}
