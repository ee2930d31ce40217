import { RecordedEvent } from './recorded-event';

export type PageReader = (after: bigint, limit: number) => Promise<RecordedEvent[]>;

/**
 * Shares pages of the global log between the readers of one process. Every projection and
 * reactor reads the same pages near the head, and each would otherwise query and parse every
 * event again. A page once read is final, as subscriptions rely on: no event can later appear
 * inside it. Only non-empty pages are kept, so a caught-up reader always asks the store again.
 */
export function sharedPages(read: PageReader, pages = 64): PageReader {
  const cache = new Map<bigint, Promise<RecordedEvent[]>>();
  const forget = (after: bigint, page: Promise<RecordedEvent[]>) => {
    if (cache.get(after) === page) cache.delete(after);
  };
  const fetch = (after: bigint, limit: number): Promise<RecordedEvent[]> => {
    const page = read(after, limit);
    cache.set(after, page);
    if (cache.size > pages) cache.delete(cache.keys().next().value as bigint);
    page.then(
      (events) => events.length === 0 && forget(after, page),
      () => forget(after, page),
    );
    return page;
  };
  // Pages others read are stitched together, then the rest is read: a reader behind the head
  // still gets a full batch, not the small pages a caught-up reader left behind.
  return async (after, limit) => {
    const out: RecordedEvent[] = [];
    let cursor = after;
    for (let shared = cache.get(cursor); shared && out.length < limit; shared = cache.get(cursor)) {
      const events = await shared.catch(() => []);
      if (events.length === 0) break;
      out.push(...events.slice(0, limit - out.length));
      cursor = out[out.length - 1].globalPosition;
    }
    if (out.length >= limit) return out;
    const rest = await fetch(cursor, limit - out.length);
    return out.length === 0 ? rest : out.concat(rest);
  };
}
