import { CASE_EVENT_TYPES, CaseEvent } from '@heard/cases';
import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager } from 'typeorm';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import { countSlaCase } from './sla-case-count';
import { recordSlaEvent } from './sla-case-record';
import { recordOfRow, rowOf } from './sla-case.row';
import { SlaCase } from './sla-case.entity';
import { calendarOfTerms, policySetOfTerms } from './sla-config-lookup';
import { SlaConfigVersion } from './sla-config-version.entity';
import { SlaTimer } from './sla-timer.entity';
import { replaceTimers } from './sla-timers.write';

export const SLA_CASES = 'sla-cases';

const CONFIG_TYPES = ['SlaPoliciesPublished', 'CalendarDefined', 'CalendarChanged'];

const isConfigStream = (streamId: string) =>
  streamId === SLA_POLICIES_STREAM_ID || streamId.startsWith('calendar-');

/** Kept whole by version; a replay finds the row there and leaves it. */
async function keepConfig(event: RecordedEvent, manager: EntityManager): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(SlaConfigVersion)
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
  const row = await manager.findOneBy(SlaCase, { caseId });
  const before = row === null ? null : recordOfRow(row);
  const caseEvent = { type: event.type, data: event.data } as CaseEvent;
  const record = recordSlaEvent(before, caseId, event.streamVersion, caseEvent);
  if (record === null || record === before) return;
  if (record.terms === null) {
    await manager.save(SlaCase, rowOf(record, null));
    return;
  }
  const [set, calendar] = await Promise.all([
    policySetOfTerms(manager, record.terms),
    calendarOfTerms(manager, record.terms),
  ]);
  const count = countSlaCase(record, set, calendar);
  await manager.save(SlaCase, rowOf(record, count));
  await replaceTimers(manager, caseId, count.timers);
}

/**
 * Per case, the SLA clock counted from its events and the terms it opened under, with the nearest
 * due time and state lists sort and filter by; and the due timers the poller fires.
 */
export const slaCasesProjection = defineProjection({
  name: SLA_CASES,
  entities: [SlaCase, SlaTimer, SlaConfigVersion],
  handles: [...CONFIG_TYPES, ...CASE_EVENT_TYPES],
  async apply(event, manager) {
    if (isConfigStream(event.streamId)) return keepConfig(event, manager);
    if (event.streamId.startsWith('case-')) return applyCaseEvent(event, manager);
  },
});
