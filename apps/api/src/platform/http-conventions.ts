import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HeardConfig } from '@heard/config';
import {
  PathParameterLengthPipe,
  ProblemDetailsFilter,
  QueryAndPathPipe,
  strictValidationPipe,
} from '@heard/http';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { answerClientError } from './client-error';
import { expressBadUrl } from './express-bad-url';
import { expressBodyParsing } from './express-body-parsing';
import { installFastifyBodyParsing } from './fastify-body-parsing';

/** Nest's own body parsers give way to ours, on either adapter. */
export const nestHttpOptions = () => ({ bodyParser: false });

/** Body limits, parsing, validation and problem details the same way on Express and Fastify. */
export function installHttpConventions(app: INestApplication, config: HeardConfig): void {
  app.useGlobalPipes(new PathParameterLengthPipe(), new QueryAndPathPipe(), strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  if (config.httpAdapter === 'fastify') {
    installFastifyBodyParsing(app.getHttpAdapter().getInstance() as FastifyInstance);
  } else {
    app.use(expressBadUrl, expressBodyParsing());
    (app.getHttpServer() as Server).on('clientError', answerClientError);
  }
}
