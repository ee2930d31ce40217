import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** The refusals every SLA configuration write can answer, as problem+json. */
export const ApiSlaConfigWriteErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({
      description:
        'Malformed fields or a rule of the calendar or policy broken (overlapping hours, an escalation that names someone twice…); each named in `errors` with its rule',
    }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: 'The caller is not a cx_admin' }),
  );
