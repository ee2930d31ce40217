import { HeardConfig, loadConfig } from '@heard/config';
import { EventStore, RecordedEvent } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import {
  improvementStreamId,
  NoticeScheduled,
  noticeStreamId,
  scheduleNotice,
  youChangedThisNoticeId,
} from '@heard/loop';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenApiResponseValidator } from '../../../../../test/support/openapi-response-validator';
import { createApp } from '../../bootstrap';
import { EVENT_STORE } from '../../platform/tokens';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;
interface Answer {
  readonly status: number;
  readonly type: string | null;
  readonly body: Json;
}
interface Share {
  readonly feedback: number;
  readonly told: number;
  readonly share: number | null;
  readonly medianMsToNotice: number | null;
}
interface Group {
  readonly group: string | null;
  readonly resolution: Share;
  readonly improvement: Share;
}

/**
 * Over HTTP on the embedded default, the subscriptions thread running: complaints at two stores
 * of two regions; the consenting customers' cases resolved (the inner loop schedules the notice,
 * the test records it sent, standing in for delivery); an improvement shipped with some of the
 * feedback linked and one "you changed this" sent.
 */
describe('GET /v1/loop/rate (embedded SQLite, over HTTP)', () => {
  let dataDir: string;
  let config: HeardConfig;
  let app: INestApplication;
  let base: string;
  let contract: OpenApiResponseValidator;
  let store: EventStore;
  const started = new Date(Date.now() - 60_000).toISOString();

  const token = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const admin = () => token('admin-1', 'cx_admin');
  async function call(method: string, path: string, auth: string, body?: unknown, etag?: string) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${auth}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(etag === undefined ? {} : { 'if-match': etag }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type');
    contract.check(method, path, response.status, type, text);
    return {
      status: response.status,
      type,
      body: JSON.parse(text) as Json,
      etag: response.headers.get('etag'),
    };
  }
  const rate = (query: string, auth = admin()): Promise<Answer> =>
    call('GET', `/v1/loop/rate?${query}`, auth);
  const period = () => `from=${started}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
  const groupsOf = (answer: Answer) => answer.body.groups as Group[];

  async function complaint(customerId: string | null, storeId: string, consent: boolean) {
    const answer = await call('POST', '/v1/feedback', token('pos-bridge', 'integration'), {
      kind: 'complaint',
      channel: storeId === 'S-042' ? 'store' : 'app',
      storeId,
      customer:
        customerId === null
          ? { consent }
          : { id: customerId, consent, ...(consent ? { email: `${customerId}@example.com` } : {}) },
      category: 'queue',
      text: 'Only one till open',
    });
    expect(answer.status).toBe(202);
    return answer.body.feedbackId as string;
  }

  async function resolve(caseId: string) {
    await waitFor(async () => (await call('GET', `/v1/cases/${caseId}`, admin())).status === 200, {
      what: `case ${caseId}`,
    });
    const current = await call('GET', `/v1/cases/${caseId}`, admin());
    const body = { code: 'fixed', summary: 'second till', customerMessage: 'A second till opens.' };
    const answer = await call('POST', `/v1/cases/${caseId}/resolve`, admin(), body, current.etag!);
    expect(answer.status).toBe(200);
  }

  const noticesScheduled = async () =>
    (await store.readAll()).filter(
      (e): e is RecordedEvent<'NoticeScheduled', NoticeScheduled['data']> =>
        e.type === 'NoticeScheduled',
    );
  const markSent = (noticeId: string) =>
    store.append(
      noticeStreamId(noticeId),
      [
        {
          type: 'NoticeSent',
          data: {
            noticeId,
            attempt: 1,
            channel: 'email',
            messageId: `<${noticeId}@heard>`,
            digestId: null,
            at: new Date().toISOString(),
          },
        },
      ],
      { expectedVersion: 'any' },
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'heard-loop-rate-http-'));
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    contract = await OpenApiResponseValidator.of(base);
    store = app.get<EventStore>(EVENT_STORE);
    const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'de-DE' });
    for (const [path, body] of [
      ['/v1/people/RM-1', person('regional_manager')],
      ['/v1/people/RM-2', person('regional_manager')],
      ['/v1/people/M-42', person('store_manager')],
      ['/v1/people/M-7', person('store_manager')],
      ['/v1/regions/R-N', { name: 'North', leadId: 'RM-1' }],
      ['/v1/regions/R-S', { name: 'South', leadId: 'RM-2' }],
      [
        '/v1/stores/S-042',
        { name: 'Harbour', regionId: 'R-N', timezone: 'UTC', managerId: 'M-42' },
      ],
      ['/v1/stores/S-100', { name: 'Quay', regionId: 'R-S', timezone: 'UTC', managerId: 'M-7' }],
    ] as const) {
      expect({ path, status: (await call('PUT', path, admin(), body)).status }).toEqual({
        path,
        status: 200,
      });
    }
    // S-042: two consenting customers (both resolved and told), one without consent (resolved,
    // never told). S-100: one consenting (resolved, told), one anonymous (never told).
    const told = [await complaint('C-1', 'S-042', true), await complaint('C-2', 'S-042', true)];
    const silent = await complaint('C-3', 'S-042', false);
    told.push(await complaint('C-4', 'S-100', true));
    const anonymous = await complaint(null, 'S-100', false);
    for (const caseId of [...told, silent]) await resolve(caseId);
    await waitFor(
      async () =>
        (await noticesScheduled()).filter((n) => n.data.kind === 'case_resolved').length === 3,
      {
        what: 'three resolution notices',
      },
    );
    for (const notice of await noticesScheduled())
      if (notice.data.kind === 'case_resolved') await markSent(notice.data.noticeId);
    // An improvement shipped with C-1's and the anonymous feedback linked; C-1 told of it.
    const at = new Date().toISOString();
    await store.append(
      improvementStreamId('imp-1'),
      [
        {
          type: 'FeedbackLinked',
          data: { improvementId: 'imp-1', feedbackIds: [told[0], anonymous], by: 'admin-1', at },
        },
        {
          type: 'ImprovementShipped',
          data: { improvementId: 'imp-1', messages: { en: 'Two tills' }, by: 'admin-1', at },
        },
      ],
      { expectedVersion: 'any' },
    );
    const changed = youChangedThisNoticeId('C-1', 'imp-1');
    await scheduleNotice(store, {
      noticeId: changed,
      kind: 'you_changed_this',
      recipient: { customerId: 'C-1' },
      refs: { improvementId: 'imp-1', feedbackIds: [told[0]] },
      channel: 'email',
      notBefore: at,
      at,
    });
    await markSent(changed);
    await waitFor(
      async () => {
        const answer = await rate(`${period()}&groupBy=store`);
        const overall = answer.body.overall as Omit<Group, 'group'> | undefined;
        return overall?.resolution.told === 3 && overall.improvement.told === 1;
      },
      { what: 'the loop rate to take in the notices sent', timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const figure = (feedback: number, told: number) => ({
    feedback,
    told,
    share: feedback === 0 ? null : told / feedback,
    medianMsToNotice: told === 0 ? null : expect.any(Number),
  });

  it('answers per store the share told the resolution and the share told of the change', async () => {
    const answer = await rate(`${period()}&groupBy=store`);
    expect(answer.status).toBe(200);
    expect(groupsOf(answer)).toEqual([
      { group: 'S-042', resolution: figure(3, 2), improvement: figure(1, 1) },
      { group: 'S-100', resolution: figure(2, 1), improvement: figure(1, 0) },
    ]);
    expect(answer.body).toMatchObject({
      groupBy: 'store',
      from: started,
      overall: { resolution: figure(5, 3), improvement: figure(2, 1) },
    });
    // Sent within the test's own run: a real time from feedback to notice, never negative.
    const median = groupsOf(answer)[0].resolution.medianMsToNotice as number;
    expect(median).toBeGreaterThanOrEqual(0);
    expect(median).toBeLessThan(Date.now() - Date.parse(started));
  });

  it('groups by region and by channel', async () => {
    const regions = groupsOf(await rate(`${period()}&groupBy=region`));
    expect(regions.map((g) => [g.group, g.resolution.feedback, g.resolution.told])).toEqual([
      ['R-N', 3, 2],
      ['R-S', 2, 1],
    ]);
    const channels = groupsOf(await rate(`${period()}&groupBy=channel`));
    expect(channels.map((g) => [g.group, g.resolution.feedback])).toEqual([
      ['app', 2],
      ['store', 3],
    ]);
  });

  it('shows a regional manager their region and a store manager their stores only', async () => {
    const south = await rate(`${period()}&groupBy=store`, token('RM-2', 'regional_manager'));
    expect(groupsOf(south).map((g) => g.group)).toEqual(['S-100']);
    const harbour = await rate(`${period()}&groupBy=region`, token('M-42', 'store_manager'));
    expect(groupsOf(harbour)).toEqual([
      { group: 'R-N', resolution: figure(3, 2), improvement: figure(1, 1) },
    ]);
    const nobody = await rate(`${period()}&groupBy=store`, token('M-unknown', 'store_manager'));
    expect(nobody.body).toMatchObject({ groups: [], overall: { resolution: figure(0, 0) } });
  });

  it('refuses agents, customers and integrations', async () => {
    for (const role of ['agent', 'customer', 'integration'] as const) {
      const answer = await rate(`${period()}&groupBy=store`, token('X-1', role));
      expect({ role, status: answer.status }).toEqual({ role, status: 403 });
    }
  });

  it.each([
    ['groupBy=store', 'from', 'isIsoInstant'],
    [`from=${started}&groupBy=store`, 'to', 'isIsoInstant'],
    ['from=yesterday&to=2026-12-01T00:00:00Z&groupBy=store', 'from', 'isIsoInstant'],
    ['from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z&groupBy=store', 'to', 'isAfterFrom'],
    ['from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=store', 'to', 'isAfterFrom'],
    ['from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z', 'groupBy', 'isIn'],
    ['from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=city', 'groupBy', 'isIn'],
    [
      'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=store&store=S-1',
      'store',
      'whitelistValidation',
    ],
  ])('answers 400 problem+json naming the field and rule for %s', async (query, field, rule) => {
    const answer = await rate(query);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
  });
});
