import { UnsupportedMediaTypeException } from '@nestjs/common';
import { UNSUPPORTED_MEDIA_TYPE } from '@heard/http';

/** The one route that takes big bodies: up to 10,000 items of feedback. */
export const BATCH_PATH = '/v1/feedback/batch';

/** Every other body is one submission, one case action or one directory entry. */
export const BODY_LIMIT = 1024 * 1024;
export const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

export const JSON_TYPE = 'application/json';
/** RFC 8058 one-click opt-out posts `List-Unsubscribe=One-Click` as a form; nothing reads it. */
export const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/plain'];

/** Express matches paths case-insensitively and with a trailing slash; so does this. */
export const isBatchPath = (path: string): boolean =>
  path.toLowerCase().replace(/\/+$/, '') === BATCH_PATH;

/** The signed opt-out link, the one route that takes a form (its pattern as Fastify names it, too). */
export const isOptOutLinkPath = (path: string): boolean => /^\/v1\/opt-out\/[^/]+\/?$/i.test(path);

export const bodyLimitOf = (path: string): number =>
  isBatchPath(path) ? BATCH_BODY_LIMIT : BODY_LIMIT;

/** The media type alone, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export const mediaTypeOf = (contentType: string | undefined): string | undefined =>
  contentType?.split(';')[0].trim().toLowerCase();

export const unsupportedMediaType = () => new UnsupportedMediaTypeException(UNSUPPORTED_MEDIA_TYPE);

export const ndjsonElsewhere = () =>
  new UnsupportedMediaTypeException(
    'only POST /v1/feedback/batch takes application/x-ndjson or text/plain; send application/json',
  );
