import { Clock, RecordedEvent } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { Projection } from '../projection';
import { applyBatch } from './apply-batch';

/**
 * After a batch failed: the same events once more, one transaction per handled event (with the
 * ignored ones before it), so that one event the database refuses does not hold back the others
 * of its batch. Each commit is reported; the event that fails throws, and the retry starts at it.
 */
export async function applyEventByEvent(
  dataSource: DataSource,
  projection: Projection,
  from: bigint,
  events: readonly RecordedEvent[],
  clock: Clock,
  committed: (to: bigint) => void,
): Promise<void> {
  let position = from;
  let start = 0;
  const commit = async (end: number) => {
    position = await applyBatch(dataSource, projection, position, events.slice(start, end), clock);
    start = end;
    committed(position);
  };
  for (let i = 0; i < events.length; i++) {
    if (projection.canHandle(events[i].type)) await commit(i + 1);
  }
  if (start < events.length) await commit(events.length);
}
