import { applyDecorators } from '@nestjs/common';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';

/** The refusals every directory write can answer, as problem+json. */
export const ApiDirectoryWriteErrors = () =>
  applyDecorators(
    ApiProblems({
      ...AUTH_PROBLEMS,
      ...UNREADABLE_BODY,
      400: 'Malformed or missing fields, each named in `errors`',
      403: 'The caller is not a cx_admin',
      422: 'A directory rule said no (unknown person, missing role…); `code` and `errors` name it',
    }),
  );
