import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@heard/config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = new Logger('Heard');
  if (config.usingDevelopmentSecret) {
    log.warn(
      'JWT_SECRET is not set: tokens are signed with the DEVELOPMENT secret. Never run it like this for real users.',
    );
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  log.log(
    `API on http://localhost:${config.port} (docs at /docs), event store ${config.eventStore}, ` +
      `read models ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}, HTTP ${config.httpAdapter}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
