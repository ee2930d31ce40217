import { CASE_EVENT_TYPES, CaseEvent } from '@heard/cases';
import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager, In } from 'typeorm';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import { countSlaCase, SlaCaseCount } from './sla-case-count';
import { recordSlaEvent, SlaCaseRecord } from './sla-case-record';
import { recordOfRow, rowOf } from './sla-case.row';
import { SlaCase } from './sla-case.entity';
import { calendarOfTerms, policySetOfTerms } from './sla-config-lookup';
import { SlaConfigVersion } from './sla-config-version.entity';
import { SlaTimer } from './sla-timer.entity';
import { timersOwed, writeTimerChanges } from './sla-timers.write';

export const SLA_CASES = 'sla-cases';

const CONFIG_TYPES = ['SlaPoliciesPublished', 'CalendarDefined', 'CalendarChanged'];

const isConfigStream = (streamId: string) =>
  streamId === SLA_POLICIES_STREAM_ID || streamId.startsWith('calendar-');

/** Bounded so that the IN lists and the upserts stay within every driver's parameter limit. */
const CHUNK = 200;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/** Kept whole by version; a replay finds the row there and leaves it. */
async function keepConfig(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  for (const batch of chunks(events)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SlaConfigVersion)
      .values(
        batch.map((event) => ({
          streamId: event.streamId,
          version: event.streamVersion,
          type: event.type,
          data: JSON.stringify(event.data),
        })),
      )
      .orIgnore()
      .execute();
  }
}

async function countOf(
  manager: EntityManager,
  record: SlaCaseRecord & { terms: NonNullable<SlaCaseRecord['terms']> },
): Promise<SlaCaseCount> {
  const [set, calendar] = await Promise.all([
    policySetOfTerms(manager, record.terms),
    calendarOfTerms(manager, record.terms),
  ]);
  return countSlaCase(record, set, calendar);
}

/** One case as a batch finds it and leaves it. */
interface CaseInBatch {
  readonly timersBefore: readonly SlaTimer[];
  record: SlaCaseRecord | null;
  timers: readonly SlaTimer[];
  /** The count of `record`, when already made; null until then. */
  count: SlaCaseCount | null;
  changed: boolean;
}

async function readCases(
  manager: EntityManager,
  caseIds: readonly string[],
): Promise<Map<string, CaseInBatch>> {
  const rows = new Map<string, SlaCase>();
  const timers = new Map<string, SlaTimer[]>();
  for (const ids of chunks(caseIds)) {
    for (const row of await manager.findBy(SlaCase, { caseId: In(ids) })) rows.set(row.caseId, row);
    for (const timer of await manager.findBy(SlaTimer, { caseId: In(ids) })) {
      timers.set(timer.caseId, [...(timers.get(timer.caseId) ?? []), timer]);
    }
  }
  return new Map(
    caseIds.map((caseId) => {
      const row = rows.get(caseId);
      const before = timers.get(caseId) ?? [];
      const record = row === undefined ? null : recordOfRow(row);
      return [
        caseId,
        { timersBefore: before, record, timers: before, count: null, changed: false },
      ];
    }),
  );
}

/**
 * A read of the batch's cases and their timers, one count of each changed case, and one upsert
 * per 200 cases, instead of reads and writes per event. A case whose timers the poller marked is
 * counted after each of its events, as one by one would: a mark survives only the events that
 * leave its timer as it was, and a moved-and-moved-back timer must fire again.
 */
async function applyAll(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  // The log holds a publish before any case counted with it: these rows first.
  await keepConfig(
    events.filter((e) => isConfigStream(e.streamId)),
    manager,
  );
  const ofCases = events.filter((e) => e.streamId.startsWith('case-'));
  const caseIdOf = (event: RecordedEvent) => event.streamId.slice('case-'.length);
  const cases = await readCases(manager, [...new Set(ofCases.map(caseIdOf))]);
  for (const event of ofCases) {
    const caseId = caseIdOf(event);
    const slaCase = cases.get(caseId) as CaseInBatch;
    const caseEvent = { type: event.type, data: event.data } as CaseEvent;
    const record = recordSlaEvent(slaCase.record, caseId, event.streamVersion, caseEvent);
    if (record === null || record === slaCase.record) continue;
    slaCase.record = record;
    slaCase.changed = true;
    slaCase.count = null;
    const { terms } = record;
    if (terms !== null && slaCase.timers.some((t) => t.firedAt !== null)) {
      slaCase.count = await countOf(manager, { ...record, terms });
      slaCase.timers = timersOwed(caseId, slaCase.timers, slaCase.count.timers);
    }
  }
  const rows: SlaCase[] = [];
  const timerChanges: { before: readonly SlaTimer[]; after: readonly SlaTimer[] }[] = [];
  for (const [caseId, slaCase] of cases) {
    const { record } = slaCase;
    if (!slaCase.changed || record === null) continue;
    const { terms } = record;
    if (terms === null) {
      rows.push(rowOf(record, null));
      continue;
    }
    const count = slaCase.count ?? (await countOf(manager, { ...record, terms }));
    rows.push(rowOf(record, count));
    const after = timersOwed(caseId, slaCase.timers, count.timers);
    timerChanges.push({ before: slaCase.timersBefore, after });
  }
  for (const batch of chunks(rows)) await manager.getRepository(SlaCase).upsert(batch, ['caseId']);
  await writeTimerChanges(manager, timerChanges);
}

/**
 * Per case, the SLA clock counted from its events and the terms it opened under, with the nearest
 * due time and state lists sort and filter by; and the due timers the poller fires.
 */
export const slaCasesProjection = defineProjection({
  name: SLA_CASES,
  entities: [SlaCase, SlaTimer, SlaConfigVersion],
  handles: [...CONFIG_TYPES, ...CASE_EVENT_TYPES],
  apply: (event, manager) => applyAll([event], manager),
  applyAll,
});
