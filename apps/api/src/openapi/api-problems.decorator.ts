import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsResponse } from './problem-details.response';

export const PROBLEM_JSON = 'application/problem+json';

/** Refusals an operation answers, each as problem+json: `{ 404: 'No such case' }`. */
export const ApiProblems = (problems: Readonly<Record<number, string>>) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsResponse),
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } } },
      }),
    ),
  );

/** What every bearer-token operation can answer before it runs: a missing, bad or unfit token. */
export const AUTH_PROBLEMS = {
  401: 'No bearer token, or one that is invalid or expired',
  403: 'The token names no known role, or a role that may not do this',
};

/** What every operation that reads a JSON body can refuse before it runs. */
export const UNREADABLE_BODY = {
  400: 'The body is not valid JSON, or a field breaks a rule: `errors` names each field and rule',
  413: 'The body is larger than the limit',
  415: 'The body is not JSON (Content-Type)',
};

/** An id in the path that cannot be decoded (bad percent-encoding): refused before any route runs. */
export const MALFORMED_PATH = { 400: 'The path cannot be decoded (malformed percent-encoding)' };
