/** Runs `fn` over `items` with at most `lanes` calls in flight; the first failure rejects. */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
}

/** `items.map(fn)` with at most `lanes` calls in flight; results keep the items' order. */
export async function inLanesMap<T, R>(
  items: readonly T[],
  lanes: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  await inLanes(
    items.map((item, i) => [item, i] as const),
    lanes,
    async ([item, i]) => {
      results[i] = await fn(item);
    },
  );
  return results;
}
