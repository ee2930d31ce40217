/** What one lazily opened value holds: how to open it, and what it opened to. */
interface Pending {
  open: (() => unknown) | null;
  opened: object | null;
}

function openedOf(pending: Pending): object {
  if (pending.opened !== null) return pending.opened;
  const value = pending.open?.();
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('a value opened on read must be an object');
  }
  pending.opened = value;
  pending.open = null;
  return value;
}

/**
 * One handler for every lazily opened value: every question about the value is asked of what it
 * opens to, so a reader sees the opened object whatever it does with it (reads, `in`, spreads,
 * `Object.keys`, `JSON.stringify`); the target holds only the state, and stays extensible and
 * configurable, which lets the traps answer for another object.
 */
const forwarding: ProxyHandler<Pending> = {
  get: (pending, property) => Reflect.get(openedOf(pending), property),
  set: (pending, property, value) => Reflect.set(openedOf(pending), property, value),
  has: (pending, property) => Reflect.has(openedOf(pending), property),
  ownKeys: (pending) => Reflect.ownKeys(openedOf(pending)),
  getOwnPropertyDescriptor: (pending, property) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(openedOf(pending), property);
    return descriptor && { ...descriptor, configurable: true };
  },
  defineProperty: (pending, property, descriptor) =>
    Reflect.defineProperty(openedOf(pending), property, descriptor),
  deleteProperty: (pending, property) => Reflect.deleteProperty(openedOf(pending), property),
  getPrototypeOf: (pending) => Reflect.getPrototypeOf(openedOf(pending)),
};

/**
 * An object that opens when it is first looked at: `open` runs at most once, on the first read of
 * any of its properties, and whatever it returns (an object, never a primitive) answers from then
 * on. The data that holds it is a plain object of the shape an eager open would have built, so
 * readers of its other fields pay nothing.
 */
export function openedOnRead(open: () => unknown): object {
  return new Proxy<Pending>({ open, opened: null }, forwarding);
}
