import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The refusals every directory write can answer, as problem+json. */
export const ApiDirectoryWriteErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'Malformed or missing fields, each named in `errors`' }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: 'The caller is not a cx_admin' }),
    ApiUnprocessableEntityResponse({
      description:
        'A directory rule said no (unknown person, missing role…); `code` and `errors` name it',
    }),
  );
