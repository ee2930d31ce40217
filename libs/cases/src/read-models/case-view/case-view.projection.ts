import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager, In } from 'typeorm';
import { CaseEscalated, CASE_EVENT_TYPES } from '../../domain/case.events';
import { CaseEscalationView } from './case-escalation-view.entity';
import { CaseView } from './case-view.entity';
import { evolveCaseView } from './case-view.evolve';

/** Bounded so that the IN list and the upsert stay within every driver's parameter limit. */
const CHUNK = 200;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

const escalationOf = (caseId: string, event: RecordedEvent): CaseEscalationView | null =>
  event.type === 'CaseEscalated'
    ? { caseId, personId: (event.data as CaseEscalated['data']).to }
    : null;

/** Inserted, or left as they are: a replay finds its rows already there. */
async function addEscalations(
  manager: EntityManager,
  rows: readonly CaseEscalationView[],
): Promise<void> {
  for (const batch of chunks(rows)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseEscalationView)
      .values(batch)
      .orIgnore()
      .execute();
  }
}

/** One read and one upsert per 200 cases of a batch, instead of a read and a write per event. */
async function applyAll(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const ofCases = events.filter((e) => e.streamId.startsWith('case-'));
  const caseIds = [...new Set(ofCases.map((e) => e.streamId.slice('case-'.length)))];
  const rows = manager.getRepository(CaseView);
  const current = new Map<string, CaseView | null>();
  for (const ids of chunks(caseIds)) {
    for (const row of await rows.findBy({ caseId: In(ids) })) current.set(row.caseId, row);
  }
  const changed = new Map<string, CaseView>();
  const escalations = new Map<string, CaseEscalationView>();
  for (const event of ofCases) {
    const caseId = event.streamId.slice('case-'.length);
    const row = current.get(caseId) ?? null;
    const next = evolveCaseView(row, event);
    if (next === null || next === row) continue;
    current.set(caseId, next);
    changed.set(caseId, next);
    const escalation = escalationOf(caseId, event);
    if (escalation) escalations.set(`${caseId}|${escalation.personId}`, escalation);
  }
  for (const batch of chunks([...changed.values()])) await rows.upsert(batch, ['caseId']);
  await addEscalations(manager, [...escalations.values()]);
}

export const caseViewProjection = defineProjection({
  name: 'case-view',
  entities: [CaseView, CaseEscalationView],
  handles: CASE_EVENT_TYPES,
  async apply(event, manager) {
    if (!event.streamId.startsWith('case-')) return;
    const rows = manager.getRepository(CaseView);
    const caseId = event.streamId.slice('case-'.length);
    const row = await rows.findOneBy({ caseId });
    const next = evolveCaseView(row, event);
    if (next === null || next === row) return;
    await rows.save(next);
    const escalation = escalationOf(caseId, event);
    if (escalation) await addEscalations(manager, [escalation]);
  },
  applyAll,
});
