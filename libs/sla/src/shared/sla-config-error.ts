import { DomainError, DomainErrorKind } from '@heard/kernel';

export type SlaConfigErrorCode =
  | 'sla.invalid_id'
  | 'sla.invalid_text'
  | 'sla.invalid_time'
  | 'sla.invalid_list'
  | 'sla.invalid_duration'
  | 'sla.invalid_calendar_kind'
  | 'sla.invalid_warn_at'
  | 'sla.invalid_match'
  | 'sla.invalid_escalation'
  | 'sla.escalation_loop'
  | 'sla.duplicate_policy_id'
  | 'sla.policies_version_conflict'
  | 'sla.invalid_timezone'
  | 'sla.invalid_wall_clock_time'
  | 'sla.invalid_weekday'
  | 'sla.overlapping_hours'
  | 'sla.no_opening_hours'
  | 'sla.invalid_date'
  | 'sla.duplicate_date'
  | 'sla.unknown_person'
  | 'sla.unknown_team'
  | 'sla.unknown_store'
  | 'sla.unknown_region';

/** The refusals that name something missing from the directory, not a malformed value. */
export const SLA_REFERENCE_CODES: readonly SlaConfigErrorCode[] = [
  'sla.unknown_person',
  'sla.unknown_team',
  'sla.unknown_store',
  'sla.unknown_region',
];

const kindOf = (code: SlaConfigErrorCode): DomainErrorKind =>
  code === 'sla.policies_version_conflict' ? 'conflict' : 'invalid';

/** Every refusal of an SLA policy or calendar names the field it is about. */
export class SlaConfigError extends DomainError {
  declare readonly code: SlaConfigErrorCode;
  declare readonly field: string;

  constructor(code: SlaConfigErrorCode, field: string, message: string) {
    super(code, message, kindOf(code), field);
    this.name = 'SlaConfigError';
  }
}
