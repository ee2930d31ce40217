import { INestApplication } from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { Principal } from '@heard/http';
import { HeardMetrics, Logger } from '@heard/observability';
import type { NextFunction, Request, Response } from 'express';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { givenCorrelationId } from './correlation-id';

/** What every request carries from its arrival to its answer. */
interface Observed {
  readonly requestId: string;
  readonly correlationId: string;
}

/** The guard leaves the caller here (AuthGuard); our own mark rides on the same object. */
interface ObservableRequest {
  principal?: Principal;
  heardObserved?: Observed;
}

/** Routes no handler matched (404s, scans): one label, whatever the path was. */
const UNMATCHED = 'unmatched';

export interface RequestObservation {
  readonly metrics: HeardMetrics;
  readonly log: Logger;
}

/**
 * A metric and a log line per request on either adapter. Labels and lines carry the route
 * template, never the URL (ids are unbounded, a query string may hold anything), and the
 * caller's `sub`, never the token, a header or the body.
 */
export function installRequestObservation(
  app: INestApplication,
  config: HeardConfig,
  { metrics, log }: RequestObservation,
): void {
  const logs = log.isLevelEnabled('info');
  const begin = (request: ObservableRequest, headers: Request['headers']): Observed => {
    // A request that brings no correlation id starts its own chain: its request id.
    const requestId = randomUUID();
    const observed = { requestId, correlationId: givenCorrelationId(headers) ?? requestId };
    request.heardObserved = observed;
    return observed;
  };
  const end = (
    request: ObservableRequest,
    method: string,
    route: string | undefined,
    status: number,
    ms: number,
  ) => {
    const template = route ?? UNMATCHED;
    metrics.observeRequest(method, template, status, ms / 1000);
    if (!logs && status < 500) return;
    const line = {
      reqId: request.heardObserved?.requestId,
      correlationId: request.heardObserved?.correlationId,
      method,
      route: template,
      status,
      durationMs: Math.round(ms * 100) / 100,
      sub: request.principal?.id,
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request');
  };

  if (config.httpAdapter === 'fastify') {
    const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
    fastify.addHook('onRequest', (request, reply, done) => {
      const observed = begin(request as ObservableRequest, request.headers);
      void reply.header('x-correlation-id', observed.correlationId);
      done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      end(
        request as ObservableRequest,
        request.method,
        request.routeOptions.url,
        reply.statusCode,
        reply.elapsedTime,
      );
      done();
    });
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const observed = begin(request as ObservableRequest, request.headers);
    response.setHeader('x-correlation-id', observed.correlationId);
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      end(
        request as ObservableRequest,
        request.method,
        typeof route === 'string' ? route : undefined,
        response.statusCode,
        Number(process.hrtime.bigint() - started) / 1e6,
      );
    });
    next();
  });
}
