import { SlaConfigError } from './sla-config-error';

// The directory's id rule: ids end up in stream names and URLs.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function requireConfigId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new SlaConfigError(
      'sla.invalid_id',
      field,
      `${field} must be 1–100 letters, digits or . _ : @ - starting with a letter or digit`,
    );
  }
  return value;
}

/** A display name: trimmed, non-empty, one line. */
export function requireConfigName(value: unknown, field: string, max = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max || CONTROL.test(text)) {
    throw new SlaConfigError(
      'sla.invalid_text',
      field,
      `${field} must be 1–${max} characters on one line`,
    );
  }
  return text;
}

export function requireOptionalConfigName(
  value: unknown,
  field: string,
  max = 200,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireConfigName(value, field, max);
}

/** When and by whom a change was made, normalised to UTC milliseconds. */
export interface ConfigStamp {
  readonly at: string;
  readonly by: string;
}

export function requireConfigStamp(command: ConfigStamp): ConfigStamp {
  const ms =
    typeof command.at === 'string' && ISO_INSTANT.test(command.at) ? Date.parse(command.at) : NaN;
  if (Number.isNaN(ms)) {
    throw new SlaConfigError(
      'sla.invalid_time',
      'at',
      'at must be an ISO 8601 time with an offset',
    );
  }
  return { at: new Date(ms).toISOString(), by: requireConfigId(command.by, 'by') };
}

/** Locale-independent ordering, so sorting gives the same answer on every machine. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Closes a switch: the compiler proves it unreachable; at run time it names what slipped through. */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
