import { SlaConfigError } from '../shared/sla-config-error';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const END_OF_DAY = '24:00';
export const MINUTES_PER_DAY = 24 * 60;

/** Minutes after local midnight of `HH:mm`; `24:00` (the end of the day) only where it ends an interval. */
export function wallClockMinutes(value: unknown, field: string, role: 'from' | 'to'): number {
  if (typeof value === 'string' && HH_MM.test(value)) {
    const [hours, minutes] = value.split(':').map(Number);
    return hours * 60 + minutes;
  }
  if (role === 'to' && value === END_OF_DAY) return MINUTES_PER_DAY;
  throw new SlaConfigError(
    'sla.invalid_wall_clock_time',
    field,
    `${field} must be a local time HH:mm from 00:00 to 23:59${role === 'to' ? ', or 24:00 for the end of the day' : ''} (got ${JSON.stringify(value)})`,
  );
}
