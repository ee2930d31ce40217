import { HttpException } from '@nestjs/common';
import { ProblemDetails, problemType } from './problem-details';

interface Known {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
}

const BAD_URL: Known = {
  status: 400,
  slug: 'bad-url',
  title: 'Bad Request',
  detail: 'the path is not valid: each % must start a percent-encoded UTF-8 character',
};
const BAD_URL_CODE = 'bad_url';

/** What Fastify's router answers for a path that is not percent-encoding, raised on Express. */
export class BadUrl extends Error {
  readonly code = BAD_URL_CODE;

  constructor() {
    super(BAD_URL.detail);
  }
}

/** Fastify's default, kept on Express too so that the same path answers the same on both. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

const PATH_PARAMETER_TOO_LONG = 'path_parameter_too_long';

const PARAM_TOO_LONG: Known = {
  status: 414,
  slug: 'path-parameter-too-long',
  title: 'URI Too Long',
  detail: `a path parameter is longer than ${MAX_PATH_PARAMETER_LENGTH} characters`,
};

/** What Fastify's router raises itself, raised where Express has no such limit. */
export class PathParameterTooLong extends Error {
  readonly code = PATH_PARAMETER_TOO_LONG;

  constructor() {
    super(PARAM_TOO_LONG.detail);
  }
}

const TOO_LARGE: Known = {
  status: 413,
  slug: 'body-too-large',
  title: 'Content Too Large',
  detail: 'the request body is larger than this route takes (see the API documentation)',
};
export const UNSUPPORTED_MEDIA_TYPE =
  'send application/json (POST /v1/feedback/batch also takes application/x-ndjson)';

const MEDIA_TYPE: Known = {
  status: 415,
  slug: 'unsupported-media-type',
  title: 'Unsupported Media Type',
  detail: UNSUPPORTED_MEDIA_TYPE,
};
const ENCODING: Known = {
  status: 415,
  slug: 'unsupported-media-type',
  title: 'Unsupported Media Type',
  detail: 'the request body must not be compressed (Content-Encoding)',
};
const CONTENT_LENGTH: Known = {
  status: 400,
  slug: 'bad-content-length',
  title: 'Bad Request',
  detail: 'the request body does not match its Content-Length',
};
const ABORTED: Known = {
  status: 400,
  slug: 'body-incomplete',
  title: 'Bad Request',
  detail: 'the request body ended before it was complete',
};

/**
 * Errors that reach no Nest filter on their own: Fastify's router errors (its `frameworkErrors`)
 * and Express's body-parser. Fastify's body errors arrive as HttpExceptions with their status.
 */
const KNOWN: Record<string, Known> = {
  FST_ERR_BAD_URL: BAD_URL,
  [BAD_URL_CODE]: BAD_URL,
  FST_ERR_MAX_PARAM_LENGTH: PARAM_TOO_LONG,
  [PATH_PARAMETER_TOO_LONG]: PARAM_TOO_LONG,
  'entity.too.large': TOO_LARGE,
  'encoding.unsupported': ENCODING,
  'charset.unsupported': MEDIA_TYPE,
  'request.size.invalid': CONTENT_LENGTH,
  'request.aborted': ABORTED,
};

/** Nest re-raises Fastify's body errors as HttpExceptions that keep only their message and status. */
const FASTIFY_MESSAGES: Record<string, Known> = {
  'Request body is too large': TOO_LARGE,
  'Unsupported Media Type': MEDIA_TYPE,
  'Request body size did not match Content-Length': CONTENT_LENGTH,
};

const own = (table: Record<string, Known>, key: string) =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const keyOf = (error: object): unknown =>
  (error as { code?: unknown }).code ?? (error as { type?: unknown }).type;

/** Express reports a path that is not percent-encoding as a URIError Nest turns into a 400. */
const isExpressBadUrl = (error: object) =>
  error instanceof Error && /^Failed to decode param /.test(error.message);

/** The problem for an error the HTTP framework raised itself, or null if it is not one. */
export function frameworkProblem(error: unknown): ProblemDetails | null {
  if (typeof error !== 'object' || error === null) return null;
  const key = keyOf(error);
  const known =
    (typeof key === 'string' ? own(KNOWN, key) : undefined) ??
    (error instanceof HttpException ? own(FASTIFY_MESSAGES, error.message) : undefined) ??
    (isExpressBadUrl(error) ? BAD_URL : undefined);
  if (known === undefined) return null;
  return {
    type: problemType(known.slug),
    title: known.title,
    status: known.status,
    detail: known.detail,
  };
}
