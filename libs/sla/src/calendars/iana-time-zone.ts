import { IANAZone } from 'luxon';
import { SlaConfigError } from '../shared/sla-config-error';

// Newer ICU also accepts raw offsets such as "+01:00"; those are not IANA zones and lose DST rules.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * An IANA time zone Luxon can count in, kept as spelled: ICU's canonical names differ between Node
 * versions (Node 20 turns Europe/Kyiv into Europe/Kiev), and a stored event must not.
 */
export function requireIanaTimeZone(value: unknown, field: string): string {
  if (typeof value === 'string' && ZONE_NAME.test(value) && IANAZone.isValidZone(value)) {
    return value;
  }
  throw new SlaConfigError(
    'sla.invalid_timezone',
    field,
    `${field} must be an IANA time zone such as Europe/Kyiv (got ${JSON.stringify(value)})`,
  );
}
