import { parseJsonBody } from '@heard/http';
import type { FastifyInstance } from 'fastify';
import {
  bodyLimitOf,
  FORM_TYPES,
  isBatchPath,
  isOptOutLinkPath,
  JSON_TYPE,
  NDJSON_TYPES,
  ndjsonElsewhere,
  unsupportedMediaType,
} from './body-limits';

/**
 * JSON through the depth and text checks, NDJSON as text for the batch route only, and each
 * route's body limit applied while the body is read. Must run before Nest registers the routes.
 */
export function installFastifyBodyParsing(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit ??= bodyLimitOf(route.url);
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (request, body, done) =>
    request.is404 || isBatchPath(request.routeOptions.url ?? '')
      ? done(null, body)
      : done(ndjsonElsewhere(), undefined),
  );
  fastify.addContentTypeParser(FORM_TYPES, { parseAs: 'string' }, (request, _body, done) =>
    request.is404 || isOptOutLinkPath(request.routeOptions.url ?? '')
      ? done(null, {})
      : done(unsupportedMediaType(), undefined),
  );
}
