import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HeardConfig } from '@heard/config';
import { Clock, systemClock } from '@heard/event-store';
import { readModelEntities } from '@heard/projections';
import { createEventStore, createReadModelDataSource } from '@heard/runtime';
import { projections, reactors, startSubscriptions } from '@heard/subscriptions';
import { AppModule } from './app.module';
import { installHttpConventions } from './platform/http-conventions';

export interface CreateAppOptions {
  readonly clock?: Clock;
  readonly logger?: false | LogLevel[];
}

/** Builds the API on the configured adapters: used by main, the end-to-end tests and the benchmark. */
export async function createApp(
  config: HeardConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const clock = options.clock ?? systemClock;
  const log = new Logger('Heard');
  const store = await createEventStore(config, clock);
  const readModels = await createReadModelDataSource(config, readModelEntities(projections));
  const subscriptions = config.runSubscriptions
    ? await startSubscriptions({
        store,
        dataSource: readModels,
        clock,
        projections,
        reactors: reactors({ store, dataSource: readModels, clock, config }),
        log: (line) => (options.logger === false ? undefined : log.log(line)),
      })
    : null;
  const module = AppModule.with({ config, store, readModels, clock, subscriptions });
  const nestOptions = {
    logger: options.logger ?? (['log', 'warn', 'error'] as LogLevel[]),
    bufferLogs: false,
  };
  const app =
    config.httpAdapter === 'fastify'
      ? await NestFactory.create(
          module,
          new FastifyAdapter({ bodyLimit: 16 * 1024 * 1024 }),
          nestOptions,
        )
      : await NestFactory.create(module, nestOptions);
  installHttpConventions(app, config);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Heard API')
      .setDescription(
        'Complaints, cases and closed-loop feedback. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  return app;
}
