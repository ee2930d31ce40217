import { INestApplication } from '@nestjs/common';
import { HeardConfig, loadConfig } from '@heard/config';
import { Clock } from '@heard/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/bootstrap';
import { ApiClient } from './api-client';
import { OpenApiResponseValidator } from './openapi-response-validator';

export interface HeardUnderTest {
  readonly config: HeardConfig;
  readonly url: string;
  /** The document the app serves, as a validator of answers. */
  readonly contract: OpenApiResponseValidator;
  as(sub: string, role: string): ApiClient;
  close(): Promise<void>;
}

export interface Deployment {
  readonly name: string;
  /** The environment of a fresh deployment, and how to remove what it made. */
  prepare(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>;
}

/** The HS256 secret every deployment under test verifies tokens with. */
export const E2E_JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
const SECRET = E2E_JWT_SECRET;

export const embeddedDeployment: Deployment = {
  name: 'embedded default (SQLite)',
  prepare: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-e2e-'));
    return {
      env: { DATA_DIR: dir, JWT_SECRET: SECRET },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** The embedded default served by the Express adapter (HTTP_ADAPTER=express) instead of Fastify. */
export const embeddedOnExpress: Deployment = {
  name: 'embedded default (SQLite) on Express',
  prepare: async () => {
    const { env, cleanup } = await embeddedDeployment.prepare();
    return { env: { ...env, HTTP_ADAPTER: 'express' }, cleanup };
  },
};

/** Its own database on the test server: events in heard_events, read models in public. */
export const postgresDeployment: Deployment = {
  name: 'PostgreSQL',
  prepare: async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set: jest global setup provides it');
    const name = `heard_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: {
        EVENT_STORE: 'postgres',
        DATABASE_URL: url.toString(),
        RUN_SUBSCRIPTIONS: 'true',
        JWT_SECRET: SECRET,
        HEARD_MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
      },
      cleanup: async () => {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  },
};

/**
 * The whole API as `npm start` builds it, on a loopback port. With `clock`, a test drives time,
 * and the subscriptions (SLA poller included) run on the API's own thread with that clock.
 */
export async function startHeard(
  deployment: Deployment,
  options: { readonly clock?: Clock } = {},
): Promise<HeardUnderTest> {
  const { env, cleanup } = await deployment.prepare();
  const config = loadConfig({ ...env, PORT: '0' });
  let app: INestApplication | null = null;
  try {
    app = await createApp(
      config,
      options.clock
        ? { logger: false, clock: options.clock }
        : { logger: false, subscriptionsIn: 'worker-thread' },
    );
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    await cleanup();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const running = app;
  const contract = await OpenApiResponseValidator.of(url);
  return {
    config,
    url,
    contract,
    as: (sub, role) => new ApiClient(url, SECRET, sub, role, contract),
    close: async () => {
      await running.close();
      await cleanup();
    },
  };
}
