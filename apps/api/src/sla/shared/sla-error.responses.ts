import { applyDecorators } from '@nestjs/common';
import {
  ApiProblems,
  AUTH_PROBLEMS,
  MALFORMED_PATH,
  UNREADABLE_BODY,
} from '../../openapi/api-problems.decorator';

/** The refusals every SLA configuration write can answer, as problem+json. */
export const ApiSlaConfigWriteErrors = (extra: Readonly<Record<number, string>> = {}) =>
  applyDecorators(
    ApiProblems({
      ...AUTH_PROBLEMS,
      ...UNREADABLE_BODY,
      400: 'Malformed fields or a rule of the calendar or policy broken (overlapping hours, an escalation that names someone twice…); each named in `errors` with its rule',
      403: 'The caller is not a cx_admin',
      ...extra,
    }),
  );

/** What a calendar read can refuse. */
export const ApiCalendarReadErrors = () =>
  ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is not a cx_admin',
    404: 'No calendar has this id',
  });
