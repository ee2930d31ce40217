import { CalendarKind, TargetSpec } from '../domain/sla-policy';
import { SlaConfigError } from '../shared/sla-config-error';
import { requireIsoDuration } from './iso-duration';
import { TargetSpecDraft } from './sla-policy-draft';

export const CALENDAR_KINDS: readonly CalendarKind[] = ['24x7', 'business'];

export function requireCalendarKind(value: unknown, field: string): CalendarKind {
  if (CALENDAR_KINDS.includes(value as CalendarKind)) return value as CalendarKind;
  throw new SlaConfigError(
    'sla.invalid_calendar_kind',
    field,
    `${field} must be 24x7 (every minute counts) or business (only the store's opening hours count) (got ${JSON.stringify(value)})`,
  );
}

export function validateTarget(
  draft: TargetSpecDraft | null | undefined,
  field: string,
): TargetSpec {
  if (typeof draft !== 'object' || draft === null) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      `${field}.duration`,
      `${field} must be {duration, calendar}`,
    );
  }
  return {
    duration: requireIsoDuration(draft.duration, `${field}.duration`),
    calendar: requireCalendarKind(draft.calendar, `${field}.calendar`),
  };
}
