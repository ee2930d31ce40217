import { DomainError, DomainErrorKind } from '@heard/kernel';

export type DirectoryErrorCode =
  | 'directory.invalid_id'
  | 'directory.invalid_text'
  | 'directory.invalid_email'
  | 'directory.invalid_time'
  | 'directory.invalid_timezone'
  | 'directory.invalid_locale'
  | 'directory.invalid_list'
  | 'directory.unknown_role'
  | 'directory.unknown_channel'
  | 'directory.unknown_kind'
  | 'directory.unknown_priority'
  | 'directory.invalid_owner'
  | 'directory.invalid_rule'
  | 'directory.duplicate_rule_id'
  | 'directory.rules_version_conflict'
  | 'directory.unknown_region'
  | 'directory.unknown_person'
  | 'directory.unknown_team'
  | 'directory.unknown_calendar'
  | 'directory.missing_role';

// A reference to a missing entry is bad input to the entry being put, not a missing resource.
const kindOf = (code: DirectoryErrorCode): DomainErrorKind =>
  code === 'directory.rules_version_conflict' ? 'conflict' : 'invalid';

/** Every refusal of the directory names the field it is about. */
export class DirectoryError extends DomainError {
  declare readonly code: DirectoryErrorCode;
  declare readonly field: string;

  constructor(code: DirectoryErrorCode, field: string, message: string) {
    super(code, message, kindOf(code), field);
    this.name = 'DirectoryError';
  }
}
