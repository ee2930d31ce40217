import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@heard/config';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { createLogger } from '@heard/observability';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../bootstrap';
import { ObservabilityModule } from './observability.module';

jest.setTimeout(60_000);

const EMAIL = 'olena.observed@example.com';
const TEXT = 'Касир нагрубив мені біля каси номер три';
const complaint = {
  kind: 'complaint',
  channel: 'store',
  storeId: 'S-042',
  customer: { id: 'C-77', email: EMAIL, consent: true },
  category: 'staff',
  text: TEXT,
  language: 'uk',
};

/** One sample line of a metric, e.g. `name{a="b"} 3`. */
const sample = (metrics: string, name: string, labels: string): number | null => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe.each(['fastify', 'express'] as const)('metrics and request logs on %s', (adapter) => {
  const dataDir = mkdtempSync(join(tmpdir(), `heard-observe-${adapter}-`));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HTTP_ADAPTER: adapter });
  const lines: string[] = [];
  const token = signHs256({ sub: 'pos-bridge', role: 'integration' }, config.jwtSecret!);
  const admin = signHs256({ sub: 'admin-1', role: 'cx_admin' }, config.jwtSecret!);
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const logger = createLogger({
      name: 'heard-api',
      level: 'info',
      destination: { write: (line: string) => void lines.push(line) },
    });
    app = await createApp(config, { logger });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts requests by route template, times them, and follows the subscriptions', async () => {
    const submitted = await fetch(`${base}/v1/feedback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': 'trace-abc-1',
      },
      body: JSON.stringify(complaint),
    });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('x-correlation-id')).toBe('trace-abc-1');
    const { feedbackId } = (await submitted.json()) as { feedbackId: string };
    for (let i = 0; i < 2; i++) {
      const read = await fetch(`${base}/v1/feedback/${feedbackId}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await fetch(`${base}/no/such/${feedbackId}`)).status).toBe(404);

    let metrics = '';
    await waitFor(
      async () => {
        const answer = await fetch(`${base}/metrics`);
        expect(answer.status).toBe(200);
        // Express puts the charset first; both say Prometheus text format 0.0.4.
        expect(answer.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
        metrics = await answer.text();
        const labels = 'subscription="stream-catalog",kind="projection"';
        return (
          (sample(metrics, 'heard_subscription_checkpoint', labels) ?? 0) > 0 &&
          sample(metrics, 'heard_subscription_events_behind', labels) === 0
        );
      },
      { what: 'stream-catalog to apply the complaint, seen in /metrics' },
    );
    expect(
      sample(
        metrics,
        'heard_http_requests_total',
        'method="POST",route="/v1/feedback",status="202"',
      ),
    ).toBe(1);
    expect(
      sample(
        metrics,
        'heard_http_requests_total',
        'method="GET",route="/v1/feedback/:id",status="200"',
      ),
    ).toBe(2);
    expect(
      sample(metrics, 'heard_http_requests_total', 'method="GET",route="unmatched",status="404"'),
    ).toBe(1);
    expect(
      sample(
        metrics,
        'heard_http_request_duration_seconds_count',
        'method="POST",route="/v1/feedback",status="202"',
      ),
    ).toBe(1);
    expect(metrics).toContain('# TYPE heard_http_request_duration_seconds histogram');
    // Ids are unbounded: never a label.
    expect(metrics).not.toContain(feedbackId);
    expect(metrics).toMatch(/^heard_subscription_seconds_behind\{subscription="case-opener"/m);
    expect(metrics).toMatch(
      /^heard_subscription_handler_errors_total\{subscription="case-opener"/m,
    );
    expect(metrics).toMatch(
      /^heard_subscription_up\{subscription="stream-catalog",kind="projection"\} 1$/m,
    );
    expect(metrics).toMatch(/^heard_event_store_appends_total [1-9]/m);
    expect(metrics).toMatch(/^heard_event_store_group_commit_appends_count [1-9]/m);
    expect(metrics).toMatch(/^process_cpu_user_seconds_total /m);
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('writes one JSON line per request with ids, route, status, duration and sub, and no secrets', () => {
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');
    const submitted = requests.find((r) => r.route === '/v1/feedback');
    expect(submitted).toMatchObject({
      level: 30,
      reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlationId: 'trace-abc-1',
      method: 'POST',
      status: 202,
      durationMs: expect.any(Number),
      sub: 'pos-bridge',
    });
    const reads = requests.filter((r) => r.route === '/v1/feedback/:id');
    expect(reads).toHaveLength(2);
    // Without an id of the caller's, a request's own id is its correlation id.
    for (const read of reads) expect(read.correlationId).toBe(read.reqId);
    expect(requests.find((r) => r.route === 'unmatched')).toMatchObject({ status: 404 });
    const everything = lines.join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(admin);
    expect(everything).not.toContain(EMAIL);
    expect(everything).not.toContain(TEXT);
    // Start-up and subscription lines go through the same logger.
    expect(lines.some((l) => l.includes('stream-catalog: started from position'))).toBe(true);
  });
});

describe('METRICS_PORT', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-observe-port-'));
  let app: INestApplication;
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves /metrics off the API port to a server of its own', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', METRICS_PORT: '0' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const port = app.get(ObservabilityModule).metricsPort;
    expect(port).toEqual(expect.any(Number));
    const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(answer.status).toBe(200);
    const metrics = await answer.text();
    expect(metrics).toContain(
      'heard_http_requests_total{method="GET",route="/health",status="200"} 1',
    );
    expect(metrics).toContain('heard_subscription_checkpoint{subscription="stream-catalog"');
  });
});

describe('metrics with the subscriptions and the SQLite writer in threads (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-observe-threads-'));
  let app: INestApplication;
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("counts the writer thread's group commits and mirrors the subscriptions thread's statuses", async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false, subscriptionsIn: 'worker-thread' });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const token = signHs256({ sub: 'pos-bridge', role: 'integration' }, config.jwtSecret!);
    const submitted = await fetch(`${base}/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(complaint),
    });
    expect(submitted.status).toBe(202);
    let metrics = '';
    // The case opener (in the subscriptions thread) appends the case through the writer thread:
    // two commits at least, both counted here.
    await waitFor(
      async () => {
        metrics = await (await fetch(`${base}/metrics`)).text();
        return (
          (sample(
            metrics,
            'heard_subscription_checkpoint',
            'subscription="case-opener",kind="reactor"',
          ) ?? 0) > 0 &&
          (Number(/^heard_event_store_appends_total (\d+)/m.exec(metrics)?.[1]) || 0) >= 2
        );
      },
      { what: 'the case opener to apply the complaint and its append to be counted' },
    );
    expect(metrics).toMatch(/^heard_event_store_group_commit_appends_count [1-9]/m);
    expect(metrics).toMatch(/^heard_event_store_group_commit_duration_seconds_sum /m);
  });
});
