import { DirectoryError } from './directory-error';

/** A BCP 47 language tag in canonical form ("en-us" becomes "en-US"). */
export function requireLocale(value: unknown, field: string): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= 35) {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // RangeError: not a well-formed tag; answered below with the field named.
    }
  }
  throw new DirectoryError(
    'directory.invalid_locale',
    field,
    `${field} must be a BCP 47 language tag such as en-GB (got ${JSON.stringify(value)})`,
  );
}
