/**
 * The data with `properties` opened on first read: own, enumerable accessors, so that a spread,
 * `JSON.stringify` or `Object.keys` sees the opened data as an eager open would have built it, and
 * one that reads none of them (ids, times, scores) leaves the block sealed. `open` runs at most
 * once, whichever property is read first; writing one of them stores the value given.
 */
export function openedOnRead(
  data: object,
  properties: readonly string[],
  open: () => unknown,
): Record<string, unknown> {
  let opened: Record<string, unknown> | null = null;
  const openOnce = (): Record<string, unknown> => (opened ??= open() as Record<string, unknown>);
  const lazy: Record<string, unknown> = { ...data };
  for (const property of properties) {
    Object.defineProperty(lazy, property, {
      enumerable: true,
      configurable: true,
      get: () => openOnce()[property],
      set: (value: unknown) =>
        Object.defineProperty(lazy, property, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        }),
    });
  }
  return lazy;
}
