import { EventStore } from '@heard/event-store';

/**
 * Counts the events in the log by paging through it. The port has no count, and positions are
 * not dense (EventStoreDB's are byte offsets), so counting is the only honest total.
 */
export async function countEvents(store: EventStore, pageSize = 5000): Promise<number> {
  let count = 0;
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return count;
    count += page.length;
    after = page[page.length - 1].globalPosition;
  }
}
