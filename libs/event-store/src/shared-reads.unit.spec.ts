import { RecordedEvent } from './recorded-event';
import { sharedPages } from './shared-reads';

const event = (position: number) => ({ globalPosition: BigInt(position) }) as RecordedEvent;

describe('sharedPages', () => {
  it('reads a page once for every reader that asks for it', async () => {
    const reads: bigint[] = [];
    const read = sharedPages(async (after, limit) => {
      reads.push(after);
      return [1, 2, 3].map((n) => event(Number(after) + n)).slice(0, limit);
    });
    const pages = await Promise.all([read(10n, 3), read(10n, 3), read(10n, 2)]);
    expect(reads).toEqual([10n]);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
  });

  it('asks the store again after an empty page, so a caught-up reader sees new events', async () => {
    let head = 0;
    const read = sharedPages(async (after, limit) =>
      Array.from({ length: Math.min(limit, head - Number(after)) }, (_, i) =>
        event(Number(after) + i + 1),
      ),
    );
    expect(await read(0n, 10)).toEqual([]);
    head = 2;
    expect((await read(0n, 10)).map((e) => e.globalPosition)).toEqual([1n, 2n]);
  });

  it('forgets a failed read', async () => {
    let fail = true;
    const read = sharedPages(async () => {
      if (fail) throw new Error('store unavailable');
      return [event(1)];
    });
    await expect(read(0n, 1)).rejects.toThrow('store unavailable');
    fail = false;
    expect(await read(0n, 1)).toHaveLength(1);
  });
});

describe('sharedPages behind the head', () => {
  it('stitches the small pages of a caught-up reader and reads the rest, up to the limit', async () => {
    let head = 2;
    const reads: [bigint, number][] = [];
    const read = sharedPages(async (after, limit) => {
      reads.push([after, limit]);
      return Array.from({ length: Math.max(0, Math.min(limit, head - Number(after))) }, (_, i) =>
        event(Number(after) + i + 1),
      );
    });
    await read(0n, 100);
    head = 3;
    await read(2n, 100);
    head = 10;
    const behind = await read(0n, 100);
    expect(behind.map((e) => Number(e.globalPosition))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reads).toEqual([
      [0n, 100],
      [2n, 100],
      [3n, 97],
    ]);
  });

  /** A log of events 1..head; each read is recorded as [after, limit]. */
  const log = () => {
    const state = { head: 0, reads: [] as [number, number][] };
    const read = sharedPages(async (after, limit) => {
      state.reads.push([Number(after), limit]);
      const first = Number(after) + 1;
      const count = Math.max(0, Math.min(limit, state.head - Number(after)));
      return Array.from({ length: count }, (_, i) => event(first + i));
    }, 5);
    const positions = async (after: number, limit: number) =>
      (await read(BigInt(after), limit)).map((e) => Number(e.globalPosition));
    return { state, positions };
  };

  it('answers a reader anywhere inside what was read, and reads only what lies beyond', async () => {
    const { state, positions } = log();
    state.head = 4;
    expect(await positions(0, 10)).toEqual([1, 2, 3, 4]);
    state.head = 6;
    // Starts inside the held range: 3 and 4 come from it, 5 and 6 from the store.
    expect(await positions(2, 10)).toEqual([3, 4, 5, 6]);
    expect(await positions(1, 3)).toEqual([2, 3, 4]);
    expect(state.reads).toEqual([
      [0, 10],
      [4, 8],
    ]);
  });

  it('holds only the newest events, and reads again for a reader behind them', async () => {
    const { state, positions } = log();
    state.head = 8;
    expect(await positions(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Five are held (4..8): a reader at 2 is behind them.
    expect(await positions(3, 2)).toEqual([4, 5]);
    expect(await positions(2, 2)).toEqual([3, 4]);
    expect(state.reads).toEqual([
      [0, 10],
      [2, 2],
    ]);
  });

  it('keeps the newer range after a gap', async () => {
    const { state, positions } = log();
    state.head = 20;
    expect(await positions(0, 2)).toEqual([1, 2]);
    expect(await positions(10, 2)).toEqual([11, 12]);
    expect(await positions(10, 2)).toEqual([11, 12]);
    expect(await positions(0, 1)).toEqual([1]);
    expect(state.reads).toEqual([
      [0, 2],
      [10, 2],
      [0, 1],
    ]);
  });
});
