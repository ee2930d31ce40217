import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ConcurrencyError,
  EventIdReusedError,
  InvalidAppendError,
  versionOf,
} from '@heard/event-store';
import { DomainError, DomainErrorKind } from '@heard/kernel';
import { frameworkProblem } from './framework-problem';
import { PROBLEM_CONTENT_TYPE, problemBody, ProblemDetails, problemType } from './problem-details';
import { ValidationProblem } from './validation-problem';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The same slugs as the framework's own errors get, so a 415 is one type whoever raised it. */
const SLUG_OF_STATUS: Record<number, string> = {
  404: 'not-found',
  413: 'body-too-large',
  415: 'unsupported-media-type',
};

const titleOf = (status: number) => TITLES[status] ?? 'Error';

/** Errors thrown by body parsers carry their HTTP status (malformed JSON, body too large). */
const parserStatus = (error: unknown): number | null => {
  if (typeof error !== 'object' || error === null) return null;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
};

export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ValidationProblem) {
    return {
      type: problemType('validation'),
      title: 'Bad Request',
      status: 400,
      detail: error.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors: error.errors,
    };
  }
  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    return {
      type: problemType(error.code.replace(/\./g, '/')),
      title: titleOf(status),
      status,
      detail: error.message,
      code: error.code,
      ...(error.field
        ? { errors: [{ field: error.field, rule: error.code, message: error.message }] }
        : {}),
    };
  }
  if (error instanceof ConcurrencyError) {
    return {
      type: problemType('concurrency-conflict'),
      title: 'Conflict',
      status: 409,
      detail: `the resource changed: expected version ${error.expected}, current version ${versionOf(error.actual)}`,
      code: error.code,
      currentVersion: versionOf(error.actual),
    };
  }
  if (error instanceof InvalidAppendError) {
    return {
      type: problemType('invalid-event'),
      title: titleOf(422),
      status: 422,
      detail: error.message,
      code: error.code,
      errors: [{ field: error.field, rule: 'event_store', message: error.rule }],
    };
  }
  if (error instanceof EventIdReusedError) {
    return {
      type: problemType('event-id-reused'),
      title: 'Conflict',
      status: 409,
      detail: error.message,
      code: error.code,
    };
  }
  const framework = frameworkProblem(error);
  if (framework !== null) return framework;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail =
      typeof response === 'string'
        ? response
        : ((response as { message?: unknown }).message ?? error.message);
    return {
      type: problemType(SLUG_OF_STATUS[status] ?? `http-${status}`),
      title: titleOf(status),
      status,
      detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
    };
  }
  const parser = parserStatus(error);
  if (parser !== null) {
    return {
      type: problemType(`http-${parser}`),
      title: titleOf(parser),
      status: parser,
      detail:
        error instanceof SyntaxError
          ? 'the request body is not valid JSON'
          : error instanceof Error
            ? error.message
            : undefined,
    };
  }
  return {
    type: problemType('internal'),
    title: titleOf(HttpStatus.INTERNAL_SERVER_ERROR),
    status: 500,
    detail: 'an unexpected error occurred; it has been logged',
  };
}

/** Every error leaves the API as problem+json; only unexpected ones are logged with their stack. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    // 503 (identity provider down) is logged once per attempt where it happens, not per request.
    if (problem.status >= 500 && problem.status !== 503)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const http = host.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const response = http.getResponse();
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    // Serialised here: both adapters turn an object body back into application/json.
    const body = problemBody(problem, adapter.getRequestUrl(http.getRequest()));
    adapter.reply(response, body, problem.status);
  }
}
