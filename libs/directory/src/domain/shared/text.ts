import { DirectoryError } from './directory-error';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A display name: trimmed, non-empty, one line. */
export function requireName(value: unknown, field: string, max = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max || CONTROL.test(text)) {
    throw new DirectoryError(
      'directory.invalid_text',
      field,
      `${field} must be 1–${max} characters on one line`,
    );
  }
  return text;
}

export function requireOptionalText(value: unknown, field: string, max = 500): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new DirectoryError(
      'directory.invalid_text',
      field,
      `${field} must be text of at most ${max} characters`,
    );
  }
  const text = value.trim();
  return text.length === 0 ? undefined : text;
}
