import { INestApplication } from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { ProblemDetailsFilter, strictValidationPipe } from '@heard/http';
import { HttpAdapterHost } from '@nestjs/core';
import { json, text } from 'express';
import type { FastifyInstance } from 'fastify';

/** Body limits, validation and problem details the same way on Express and Fastify. */
export function installHttpConventions(app: INestApplication, config: HeardConfig): void {
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  if (config.httpAdapter === 'fastify') {
    const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
    fastify.addContentTypeParser(
      ['application/x-ndjson', 'text/plain'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
  } else {
    // Batches of 10,000 reviews are several MB; NDJSON arrives as text.
    app.use(json({ limit: '16mb' }));
    app.use(text({ type: ['application/x-ndjson', 'text/plain'], limit: '16mb' }));
  }
}
