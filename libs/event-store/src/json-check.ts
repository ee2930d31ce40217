/**
 * Object.prototype of any realm: data that crossed a MessagePort, or a vm context such as jest's,
 * is as plain as data built here.
 */
function isPlainPrototype(proto: unknown): boolean {
  if (proto === null || proto === Object.prototype) return true;
  if (typeof proto !== 'object' || Object.getPrototypeOf(proto) !== null) return false;
  const constructor = (proto as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === 'Object';
}

/**
 * Why the value would not come back unchanged from JSON, or null when it would.
 * JSON.stringify alone is too lenient: it turns NaN into null, a Date into a string and drops functions.
 */
export function jsonProblem(
  value: unknown,
  path = 'data',
  seen = new Set<object>(),
): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} must be a finite number`;
    case 'object':
      break;
    default:
      return `${path} must be JSON (found ${typeof value})`;
  }
  if (value === null) return null;
  if (seen.has(value)) return `${path} must not contain a cycle`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = jsonProblem(value[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return null;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (!isPlainPrototype(proto)) {
      return `${path} must be a plain object (found ${(proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'object'}; store dates as ISO strings)`;
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const problem = jsonProblem(child, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return null;
  } finally {
    seen.delete(value);
  }
}

/** Deep equality of two JSON values, ignoring key order (jsonb and some stores reorder keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  if (keys.length !== Object.keys(rb).filter((k) => rb[k] !== undefined).length) return false;
  return keys.every((k) => sameJson(ra[k], rb[k]));
}
