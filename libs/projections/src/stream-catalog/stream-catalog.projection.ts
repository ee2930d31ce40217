import { RecordedEvent } from '@heard/event-store';
import { EntityManager, In } from 'typeorm';
import { defineProjection } from '../projection';
import { StreamCatalogEntry } from './stream-catalog.entity';
import { evolveStreamCatalog } from './stream-catalog.evolve';

const CHUNK = 200;

/** Only each stream's last event of the batch matters: one read and one upsert per 200 streams. */
async function applyAll(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const last = new Map<string, RecordedEvent>();
  for (const event of events) last.set(event.streamId, event);
  const streamIds = [...last.keys()];
  const rows = manager.getRepository(StreamCatalogEntry);
  for (let i = 0; i < streamIds.length; i += CHUNK) {
    const ids = streamIds.slice(i, i + CHUNK);
    const current = new Map((await rows.findBy({ streamId: In(ids) })).map((r) => [r.streamId, r]));
    const changed = ids.flatMap((id) => {
      const row = current.get(id) ?? null;
      const next = evolveStreamCatalog(row, last.get(id)!);
      return next === row ? [] : [next];
    });
    if (changed.length > 0) await rows.upsert(changed, ['streamId']);
  }
}

export const streamCatalogProjection = defineProjection({
  name: 'stream-catalog',
  entities: [StreamCatalogEntry],
  async apply(event, manager) {
    const rows = manager.getRepository(StreamCatalogEntry);
    const row = await rows.findOneBy({ streamId: event.streamId });
    const next = evolveStreamCatalog(row, event);
    if (next === row) return;
    // Insert or update outright: `save` would select the row again and open a savepoint.
    if (row === null) await rows.insert(next);
    else await rows.update({ streamId: next.streamId }, next);
  },
  applyAll,
});
