import { parseJsonBody } from '@heard/http';
import { raw, NextFunction, Request, RequestHandler, Response } from 'express';
import {
  BATCH_BODY_LIMIT,
  BODY_LIMIT,
  FORM_TYPES,
  isBatchPath,
  isOptOutLinkPath,
  JSON_TYPE,
  mediaTypeOf,
  NDJSON_TYPES,
  ndjsonElsewhere,
  unsupportedMediaType,
} from './body-limits';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const MAYBE_BODY = new Set(['DELETE', 'OPTIONS']);

/** As Fastify decides it: POST, PUT and PATCH parse what they carry; DELETE only a typed body. */
function carriesBody(request: Request): boolean {
  const { headers } = request;
  const sent =
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  if (WITH_BODY.has(request.method)) return headers['content-type'] !== undefined || sent;
  if (MAYBE_BODY.has(request.method)) return headers['content-type'] !== undefined && sent;
  return false;
}

const reader = (limit: number) => raw({ type: () => true, limit, inflate: false });

/**
 * The same parsing as on Fastify: the route's limit while reading, JSON through the depth and
 * text checks, NDJSON as text for the batch route only, anything else 415. Nest's own parsers are
 * off (`bodyParser: false`), so nothing else reads a body first.
 */
export function expressBodyParsing(): RequestHandler {
  const small = reader(BODY_LIMIT);
  const large = reader(BATCH_BODY_LIMIT);
  return (request: Request, response: Response, next: NextFunction) => {
    if (!carriesBody(request)) return next();
    const type = mediaTypeOf(request.headers['content-type']);
    const batch = isBatchPath(request.path);
    const json = type === JSON_TYPE;
    if (type !== undefined && FORM_TYPES.includes(type) && isOptOutLinkPath(request.path))
      return small(request, response, (error?: unknown) => {
        request.body = {};
        next(error);
      });
    if (!json && !(type !== undefined && NDJSON_TYPES.includes(type)))
      return next(unsupportedMediaType());
    if (!json && !batch) return next(ndjsonElsewhere());
    (batch ? large : small)(request, response, (error?: unknown) => {
      if (error) return next(error);
      const text = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
      try {
        request.body = json ? parseJsonBody(text) : text;
        next();
      } catch (problem) {
        next(problem);
      }
    });
  };
}
