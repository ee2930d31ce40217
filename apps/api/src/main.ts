import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { createApp } from './bootstrap';
import { demoTokenLines } from './demo/print-demo-tokens';
import { seedDemo } from './demo/seed-demo';
import { CLOCK, EVENT_STORE } from './platform/tokens';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = new Logger('Heard');
  if (config.usingDevelopmentSecret) {
    log.warn(
      'JWT_SECRET is not set: tokens are signed with the DEVELOPMENT secret. Never run it like this for real users.',
    );
  }
  const app = await createApp(config, { subscriptionsIn: 'worker-thread' });
  if (process.argv.includes('--demo')) {
    const added = await seedDemo(app.get<EventStore>(EVENT_STORE), app.get(CLOCK));
    log.log(`demo: directory loaded, ${added} new feedback item(s)`);
  }
  await app.listen(config.port, config.host);
  log.log(
    `API on http://localhost:${config.port} (docs at /docs), event store ${config.eventStore}, ` +
      `read models ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}, HTTP ${config.httpAdapter}`,
  );
  const jwtSecret = config.jwtSecret;
  if (process.argv.includes('--demo') && jwtSecret) {
    console.log(demoTokenLines({ ...config, jwtSecret }, config.port).join('\n'));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
