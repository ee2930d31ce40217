import { DEFAULT_WARN_AT } from '../domain/built-in-policy-set';
import { SlaConfigError } from '../shared/sla-config-error';

/** The share of a target after which it warns: strictly between 0 and 1, absent for the default. */
export function requireWarnAt(value: unknown, field: string): number {
  if (value === undefined || value === null) return DEFAULT_WARN_AT;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1) return value;
  throw new SlaConfigError(
    'sla.invalid_warn_at',
    field,
    `${field} must be a share greater than 0 and less than 1, such as 0.8 (got ${JSON.stringify(value)})`,
  );
}
