import { defineProjection } from '../projection';
import { StreamCatalogEntry } from './stream-catalog.entity';
import { evolveStreamCatalog } from './stream-catalog.evolve';

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
});
