import 'reflect-metadata';
import { ConfigError, HeardConfig, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { createLogger, flushLogger, Logger } from '@heard/observability';
import { createApp } from './bootstrap';
import { demoTokenLines } from './demo/print-demo-tokens';
import { seedDemo } from './demo/seed-demo';
import { CLOCK, EVENT_STORE } from './platform/tokens';

async function main(config: HeardConfig, log: Logger): Promise<void> {
  if (config.usingDevelopmentSecret) {
    log.warn(
      'JWT_SECRET is not set: tokens are signed with the DEVELOPMENT secret. Never run it like this for real users.',
    );
  }
  if (config.usingDevelopmentMasterKey) {
    log.warn(
      'HEARD_MASTER_KEY is not set: personal data is sealed under the DEVELOPMENT master key, which anyone can read in the source. Never run it like this for real customers.',
    );
  }
  const app = await createApp(config, { subscriptionsIn: 'worker-thread', logger: log });
  if (process.argv.includes('--demo')) {
    const added = await seedDemo(app.get<EventStore>(EVENT_STORE), app.get(CLOCK));
    log.info(`demo: directory loaded, ${added} new feedback item(s)`);
  }
  await app.listen(config.port, config.host);
  log.info(
    `API on http://localhost:${config.port} (docs at /docs, metrics at ${config.metricsPort === null ? '/metrics' : `:${config.metricsPort}/metrics`}), event store ${config.eventStore}, ` +
      `read models ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}, HTTP ${config.httpAdapter}`,
  );
  const jwtSecret = config.jwtSecret;
  if (process.argv.includes('--demo') && jwtSecret) {
    console.log(demoTokenLines({ ...config, jwtSecret }, config.port).join('\n'));
  }
}

/** A refusal or a failed start is written through the same logger, then the process exits 1. */
function start(): void {
  let config: HeardConfig;
  try {
    config = loadConfig();
  } catch (error) {
    // No LOG_LEVEL to go by yet: the refusal is always written.
    const log = createLogger({ name: 'heard-api', level: 'info' });
    log.fatal(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
    void flushLogger(log).then(() => process.exit(1));
    return;
  }
  const log = createLogger({ name: 'heard-api', level: config.logLevel });
  main(config, log).catch((error: unknown) => {
    log.fatal({ err: error }, 'the API could not start');
    void flushLogger(log).then(() => process.exit(1));
  });
}

start();
