import { RecordedEvent } from './recorded-event';

export type PageReader = (after: bigint, limit: number) => Promise<RecordedEvent[]>;

/** Index of the first event after `position` in events sorted by position (length if none). */
function firstAfter(events: readonly RecordedEvent[], from: number, position: bigint): number {
  let low = from;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid].globalPosition <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Shares what the readers of one process read of the global log. Every projection and reactor
 * reads near the head, each at its own position, and each would otherwise query and parse every
 * event again. The newest `keepEvents` events read are held as one unbroken range: a read that
 * starts inside it is answered from it, and only what lies beyond is read, once for all readers
 * that ask at the same moment. A read is final below its last event, as subscriptions rely on:
 * no event can later appear inside a range once read. Empty reads are not kept, so a caught-up
 * reader always asks the store again.
 */
export function sharedPages(read: PageReader, keepEvents = 20_000): PageReader {
  // Every event of the log in (heldAfter, heldEnd] is held[start..], in order.
  let held: RecordedEvent[] = [];
  let start = 0;
  let heldAfter = 0n;
  let heldEnd = 0n;
  const reading = new Map<bigint, Promise<RecordedEvent[]>>();

  const hold = (after: bigint, events: readonly RecordedEvent[]) => {
    if (events.length === 0) return;
    const end = events[events.length - 1].globalPosition;
    const holding = held.length > start;
    if (holding && end <= heldEnd) return;
    if (holding && after > heldAfter && after <= heldEnd) {
      // Continues the held range: keep what lies beyond its end.
      for (let i = firstAfter(events, 0, heldEnd); i < events.length; i++) held.push(events[i]);
    } else {
      // Nothing held, a range that covers the held one, or newer events past a gap.
      held = [...events];
      start = 0;
      heldAfter = after;
    }
    heldEnd = end;
    const surplus = held.length - start - keepEvents;
    if (surplus > 0) {
      start += surplus;
      heldAfter = held[start - 1].globalPosition;
      // Drop what fell out now and then rather than shifting the array on every read.
      if (start >= keepEvents) {
        held = held.slice(start);
        start = 0;
      }
    }
  };

  const fromStore = (after: bigint, limit: number): Promise<RecordedEvent[]> => {
    const pending = reading.get(after);
    if (pending) return pending;
    const page = read(after, limit);
    reading.set(after, page);
    page.then(
      (events) => {
        reading.delete(after);
        hold(after, events);
      },
      () => reading.delete(after),
    );
    return page;
  };

  return async (after, limit) => {
    let out: RecordedEvent[] = [];
    let cursor = after;
    if (held.length > start && cursor >= heldAfter && cursor < heldEnd) {
      const from = firstAfter(held, start, cursor);
      out = held.slice(from, from + limit);
      cursor = out[out.length - 1].globalPosition;
      if (out.length >= limit) return out;
    }
    const rest = await fromStore(cursor, limit - out.length);
    const wanted = rest.length > limit - out.length ? rest.slice(0, limit - out.length) : rest;
    return out.length === 0 ? wanted : out.concat(wanted);
  };
}
