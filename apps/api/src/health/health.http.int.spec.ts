import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '@heard/config';
import { systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { defineProjection, readModelEntities, streamCatalogProjection } from '@heard/projections';
import {
  ledgerProjection,
  ManualScheduler,
  POISON,
  ReadModelDatabase,
  sqliteFileDatabase,
} from '@heard/projections/testing';
import { RunningSubscriptions, startSubscriptions } from '@heard/subscriptions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEARD_CONFIG, STORED_EVENTS, SUBSCRIPTIONS } from '../platform/tokens';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

jest.setTimeout(60_000);

/** Holds each `Gated` event until the test opens the gate, so that it falls behind on demand. */
class Gate {
  private opened = Promise.resolve();
  private open: () => void = () => undefined;
  close(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }
  passed(): Promise<void> {
    return this.opened;
  }
}

describe.each(['fastify', 'express'] as const)(
  'GET /ready and /health on %s (real runners on SQLite)',
  (adapter) => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-ready-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock);
    const gate = new Gate();
    const gated = defineProjection({
      name: 'test-gated',
      entities: [],
      handles: ['Gated'],
      apply: () => gate.passed(),
    });
    const projections = [streamCatalogProjection, ledgerProjection, gated];
    let database: ReadModelDatabase;
    let subscriptions: RunningSubscriptions;
    let app: INestApplication;
    let base: string;

    beforeAll(async () => {
      database = await sqliteFileDatabase();
      const dataSource = await database.open(readModelEntities(projections));
      subscriptions = await startSubscriptions({
        store,
        dataSource,
        clock: systemClock,
        projections,
        reactors: [],
        log: () => undefined,
        liveBatchWindowMs: 0,
        scheduler: new ManualScheduler(),
      });
      const config = loadConfig({ DATA_DIR: dir, READY_MAX_LAG_EVENTS: '5' });
      @Module({
        controllers: [HealthController],
        providers: [
          { provide: STORED_EVENTS, useValue: store },
          { provide: SUBSCRIPTIONS, useValue: subscriptions },
          { provide: HEARD_CONFIG, useValue: config },
        ],
      })
      class HealthOnly {}
      app =
        adapter === 'fastify'
          ? await NestFactory.create(HealthOnly, new FastifyAdapter(), { logger: false })
          : await NestFactory.create(HealthOnly, { logger: false });
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    });

    afterAll(async () => {
      await app?.close();
      await subscriptions?.stop();
      await store.close();
      await database?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: (await response.json()) as Readiness };
    };
    const readyUntil = async (status: number, what: string) => {
      let last: Awaited<ReturnType<typeof get>> | null = null;
      await waitFor(
        async () => {
          last = await get('/ready');
          return last.status === status;
        },
        { what },
      );
      return last!.body;
    };
    const of = (body: Readiness, name: string) => body.subscriptions.find((s) => s.name === name);
    const append = (stream: string, types: string[]) =>
      store.append(
        stream,
        types.map((type) => ({ type, data: {} })),
        { expectedVersion: 'any' },
      );

    it('answers 200 when every subscription is live at the head, and /health 200', async () => {
      await append('probe-1', ['Step0', 'Step1']);
      await waitFor(async () => (await get('/ready')).body.status === 'ready', { what: 'ready' });
      const { status, body } = await get('/ready');
      expect(status).toBe(200);
      expect(body.subscriptions.map((s) => [s.name, s.state])).toEqual([
        ['stream-catalog', 'running'],
        ['test-ledger', 'running'],
        ['test-gated', 'running'],
      ]);
      expect(of(body, 'test-ledger')).toMatchObject({ failures: 0, error: null, lastError: null });
      expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('answers 503 while one is more than READY_MAX_LAG_EVENTS behind, 200 within it', async () => {
      gate.close();
      await append('gated-1', ['Gated']);
      await append('probe-2', ['Step0', 'Step1', 'Step2', 'Step0']);
      // Four behind: within the limit of five, so still routable.
      const within = await get('/ready');
      expect(within.status).toBe(200);
      expect(within.body.status).toBe('catching_up');
      expect(of(within.body, 'test-gated')?.eventsBehind).toBe(5);

      await append('probe-3', ['Step1']);
      const body = await readyUntil(503, 'lag beyond the limit');
      expect(body.status).toBe('lagging');
      expect(of(body, 'test-gated')).toMatchObject({ state: 'running', eventsBehind: 6 });
      expect((await get('/health')).status).toBe(200);

      gate.release();
      await waitFor(async () => (await get('/ready')).body.status === 'ready', {
        what: 'the gated projection to catch up',
      });
    });

    it('answers 503 with the error while one is failing, and the others go on', async () => {
      await append('poisoned-1', [POISON]);
      const failing = await readyUntil(503, 'the ledger to fail');
      expect(failing.status).toBe('failing');
      expect(of(failing, 'test-ledger')).toMatchObject({
        state: 'retrying',
        live: false,
        error: expect.stringMatching(/^refusing /),
        failures: 1,
        lastError: expect.stringMatching(/^refusing /),
      });
      expect(of(failing, 'test-ledger')?.nextRetryAt).toEqual(expect.any(String));
      expect((await get('/health')).status).toBe(200);

      const { lastPosition } = await append('probe-4', ['Step0']);
      await waitFor(
        async () => (await get('/ready')).body.subscriptions[0].checkpoint === String(lastPosition),
        { what: 'the stream catalog to go on past the poison' },
      );
      const still = await get('/ready');
      expect(still.status).toBe(503);
      expect(of(still.body, 'test-ledger')?.eventsBehind).toBe(2);
    });
  },
);
