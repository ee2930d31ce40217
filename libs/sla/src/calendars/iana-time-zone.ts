import { isIanaTimeZone } from '@heard/kernel';
import { SlaConfigError } from '../shared/sla-config-error';

/**
 * An IANA time zone Luxon can count in, kept as spelled: ICU's canonical names differ between Node
 * versions (Node 20 turns Europe/Kyiv into Europe/Kiev), and a stored event must not.
 */
export function requireIanaTimeZone(value: unknown, field: string): string {
  if (isIanaTimeZone(value)) return value;
  throw new SlaConfigError(
    'sla.invalid_timezone',
    field,
    `${field} must be an IANA time zone such as Europe/Kyiv (got ${JSON.stringify(value)})`,
  );
}
