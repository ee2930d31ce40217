import type { RecordedEvent } from '@heard/event-store';
import { ensureTables, inTransaction } from '@heard/projections';
import { DataSource } from 'typeorm';
import { directoryProjections } from '../read-models';

export const directoryReadModelEntities = directoryProjections.flatMap((p) => p.entities);

/**
 * Applies `events` through every directory projection in one transaction, as the runner would,
 * without a checkpoint: feeding the same events twice is how tests prove idempotency.
 */
export async function feedDirectoryProjections(
  dataSource: DataSource,
  events: readonly RecordedEvent[],
): Promise<void> {
  await ensureTables(dataSource, directoryReadModelEntities);
  await inTransaction(dataSource, async (manager) => {
    for (const projection of directoryProjections) {
      for (const event of events) {
        if (projection.canHandle(event.type)) await projection.apply(event, manager);
      }
    }
  });
}
