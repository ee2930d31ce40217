import { LogPage } from './global-horizon';

type ReadPage = (after: bigint, limit: number) => Promise<LogPage>;

/**
 * While a subscriber handles a full page, the next one is already being read: catching up then
 * costs the slower of the database and the handler, not their sum. A prefetched page is as safe
 * as any other (it is a prefix of the log below its own horizon), only slightly older.
 */
export function prefetching(read: ReadPage): ReadPage {
  let ahead: { after: bigint; limit: number; page: Promise<LogPage> } | null = null;
  return async (after, limit) => {
    const prefetched = ahead?.after === after && ahead.limit === limit ? ahead.page : null;
    ahead = null;
    const page = prefetched
      ? await prefetched.catch(() => read(after, limit))
      : await read(after, limit);
    if (page.events.length === limit) {
      const next = page.events[page.events.length - 1].globalPosition;
      const promise = read(next, limit);
      promise.catch(() => undefined); // a failed prefetch is read again when it is needed
      ahead = { after: next, limit, page: promise };
    }
    return page;
  };
}
