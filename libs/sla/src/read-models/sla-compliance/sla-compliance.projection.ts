import { CASE_EVENT_TYPES, CaseEvent } from '@heard/cases';
import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager } from 'typeorm';
import { measureTargets } from '../../domain/compliance/measured-target';
import { slaCycles } from '../../domain/sla-clock';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import { calendarOfTerms, policySetOfTerms } from '../sla-cases/sla-config-lookup';
import { complianceCaseAfter } from './compliance-case-record';
import { SlaComplianceCase } from './sla-compliance-case.entity';
import { SlaComplianceConfig } from './sla-compliance-config.entity';
import { SlaComplianceTarget } from './sla-compliance-target.entity';
import {
  complianceRecordOf,
  complianceRowOf,
  groupKeysOf,
  targetRowOf,
} from './sla-compliance.rows';

export const SLA_COMPLIANCE = 'sla-compliance';

const CONFIG_TYPES = ['SlaPoliciesPublished', 'CalendarDefined', 'CalendarChanged'];

const isConfigStream = (streamId: string) =>
  streamId === SLA_POLICIES_STREAM_ID || streamId.startsWith('calendar-');

/** Kept whole by version; a replay finds the row there and leaves it. */
async function keepConfig(event: RecordedEvent, manager: EntityManager): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(SlaComplianceConfig)
    .values({
      streamId: event.streamId,
      version: event.streamVersion,
      type: event.type,
      data: JSON.stringify(event.data),
    })
    .orIgnore()
    .execute();
}

async function applyCaseEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const caseId = event.streamId.slice('case-'.length);
  const row = await manager.findOneBy(SlaComplianceCase, { caseId });
  if (row !== null && row.version >= event.streamVersion) return;
  const caseEvent = { type: event.type, data: event.data } as CaseEvent;
  const before = row === null ? null : complianceRecordOf(row);
  const record = complianceCaseAfter(before, caseId, event.streamVersion, caseEvent);
  await manager.save(SlaComplianceCase, complianceRowOf(record));
  await manager.delete(SlaComplianceTarget, { caseId });
  if (record.terms === null) return;
  const [set, calendar] = await Promise.all([
    policySetOfTerms(manager, record.terms, SlaComplianceConfig),
    calendarOfTerms(manager, record.terms, SlaComplianceConfig),
  ]);
  const folded = slaCycles(record.facts, set, calendar);
  if (folded === null) return;
  const groups = groupKeysOf(record, folded.policyId);
  const targets = measureTargets(folded, record.facts, null);
  if (targets.length === 0) return;
  await manager.insert(
    SlaComplianceTarget,
    targets.map((t) => targetRowOf(caseId, t, groups)),
  );
}

/**
 * Per case, its SLA facts and terms (what a what-if replays), and its targets under the recorded
 * policy with their due times, outcomes and times taken (what compliance counts).
 */
export const slaComplianceProjection = defineProjection({
  name: SLA_COMPLIANCE,
  entities: [SlaComplianceCase, SlaComplianceTarget, SlaComplianceConfig],
  handles: [...CONFIG_TYPES, ...CASE_EVENT_TYPES],
  async apply(event, manager) {
    if (isConfigStream(event.streamId)) return keepConfig(event, manager);
    if (event.streamId.startsWith('case-')) return applyCaseEvent(event, manager);
  },
});
