import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager, In } from 'typeorm';
import { CASE_EVENT_TYPES } from '../../domain/case.events';
import { CaseView } from './case-view.entity';
import { evolveCaseView } from './case-view.evolve';

/** Bounded so that the IN list and the upsert stay within every driver's parameter limit. */
const CHUNK = 200;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

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
  for (const event of ofCases) {
    const caseId = event.streamId.slice('case-'.length);
    const row = current.get(caseId) ?? null;
    const next = evolveCaseView(row, event);
    if (next === null || next === row) continue;
    current.set(caseId, next);
    changed.set(caseId, next);
  }
  for (const batch of chunks([...changed.values()])) await rows.upsert(batch, ['caseId']);
}

export const caseViewProjection = defineProjection({
  name: 'case-view',
  entities: [CaseView],
  handles: CASE_EVENT_TYPES,
  async apply(event, manager) {
    if (!event.streamId.startsWith('case-')) return;
    const rows = manager.getRepository(CaseView);
    const caseId = event.streamId.slice('case-'.length);
    const row = await rows.findOneBy({ caseId });
    const next = evolveCaseView(row, event);
    if (next !== null && next !== row) await rows.save(next);
  },
  applyAll,
});
