import { HeardConfig, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { FixedClock, waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { SlaComplianceCase, SlaComplianceTarget } from '@heard/sla/subscriptions';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OpenApiResponseValidator } from '../../../../../test/support/openapi-response-validator';
import { createApp } from '../../bootstrap';
import { EVENT_STORE, READ_MODELS } from '../../platform/tokens';

interface Answer {
  readonly status: number;
  readonly etag: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked against the OpenAPI document
  readonly body: any;
}

const H = 3_600_000;
const T0 = '2026-11-20T10:00:00.000Z';
const FROM = '2026-11-20T00:00:00+02:00';
const TO = '2026-11-21T00:00:00Z';
const target = (duration: string) => ({ duration, calendar: '24x7' });
const standard = {
  policyId: 'standard',
  name: 'Everything: answer in an hour, resolve in eight',
  targets: { firstResponse: target('PT1H'), resolution: target('PT8H') },
  escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: target('PT4H') }],
};
const looser = {
  ...standard,
  policyId: 'looser',
  targets: { firstResponse: target('PT4H'), resolution: target('PT24H') },
};
const whatIf = (changes: object = {}) => ({
  policies: [],
  defaultPolicy: looser,
  from: FROM,
  to: TO,
  groupBy: 'store',
  ...changes,
});

/**
 * Two regions with a lead each, three complaints (two at S-042 in R-N, one at S-7 in R-S), one of
 * them resolved within half an hour; the clock then moves two hours on, past every first
 * response still owed.
 */
describe('SLA compliance and what-if over HTTP (embedded SQLite)', () => {
  jest.setTimeout(60_000);
  const clock = new FixedClock(new Date(T0));
  let dataDir: string;
  let config: HeardConfig;
  let app: INestApplication;
  let baseUrl: string;
  let contract: OpenApiResponseValidator;

  const tokenOf = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const admin = () => tokenOf('admin-1', 'cx_admin');
  const call = async (
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    body?: unknown,
    token = admin(),
    ifMatch?: string,
  ): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return { status: response.status, etag: response.headers.get('etag'), body: JSON.parse(text) };
  };
  const compliance = (query: string, token = admin()) =>
    call('GET', `/v1/sla/compliance?${query}`, undefined, token);
  const period = (groupBy: string) =>
    `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&groupBy=${groupBy}`;
  const readModels = () => app.get<DataSource>(READ_MODELS);

  async function complaint(storeId: string, customerId: string): Promise<string> {
    const answer = await call('POST', '/v1/feedback', {
      kind: 'complaint',
      channel: 'store',
      storeId,
      customer: { id: customerId, consent: true },
      text: 'One till open',
    });
    expect(answer.status).toBe(202);
    return answer.body.feedbackId as string;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'heard-sla-compliance-http-'));
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    contract = await OpenApiResponseValidator.of(baseUrl);
    const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'de-DE' });
    for (const [path, body] of [
      ['/v1/people/RM-1', person('regional_manager')],
      ['/v1/people/RM-2', person('regional_manager')],
      ['/v1/people/M-42', person('store_manager')],
      ['/v1/regions/R-N', { name: 'North', leadId: 'RM-1' }],
      ['/v1/regions/R-S', { name: 'South', leadId: 'RM-2' }],
      [
        '/v1/stores/S-042',
        { name: 'Harbour', regionId: 'R-N', timezone: 'UTC', managerId: 'M-42' },
      ],
      ['/v1/stores/S-7', { name: 'Market', regionId: 'R-S', timezone: 'UTC' }],
      ['/v1/sla-policies', { policies: [], defaultPolicy: standard }],
    ] as const) {
      expect({ path, status: (await call('PUT', path, body)).status }).toEqual({
        path,
        status: 200,
      });
    }
    const cases = [
      await complaint('S-042', 'C-1'),
      await complaint('S-042', 'C-2'),
      await complaint('S-7', 'C-3'),
    ];
    const targets = () => readModels().getRepository(SlaComplianceTarget).count();
    await waitFor(async () => (await targets()) === 6, { timeoutMs: 20_000, what: 'the targets' });

    clock.advance(0.5 * H);
    const opened = await call('GET', `/v1/cases/${cases[0]}`);
    const resolve = { code: 'fixed', summary: 'second till', customerMessage: 'We opened one.' };
    const resolved = await call(
      'POST',
      `/v1/cases/${cases[0]}/resolve`,
      resolve,
      admin(),
      opened.etag!,
    );
    expect(resolved.status).toBe(200);
    clock.advance(1.5 * H);
    // The first responses still owed breach at 11:00; once recorded, nothing is due before 16:24.
    const breached = () =>
      readModels().getRepository(SlaComplianceTarget).countBy({ state: 'breached' });
    await waitFor(async () => (await breached()) === 2, {
      timeoutMs: 20_000,
      what: 'the breaches',
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers cx_admin every store: targets due in the period, met, breached, and the times taken', async () => {
    const answer = await compliance(period('store'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      from: '2026-11-19T22:00:00.000Z',
      to: TO.replace('Z', '.000Z'),
      groupBy: 'store',
      asOf: '2026-11-20T12:00:00.000Z',
    });
    const byStore = Object.fromEntries(
      answer.body.groups.map((g: { key: string; targets: unknown }) => [g.key, g.targets]),
    );
    expect(Object.keys(byStore)).toEqual(['S-042', 'S-7']);
    expect(byStore['S-042'].firstResponse).toEqual({
      due: 2,
      met: 1,
      breached: 1,
      shareMet: 0.5,
      measured: 1,
      businessMs: { median: 0.5 * H, p90: 0.5 * H },
      wallClockMs: { median: 0.5 * H, p90: 0.5 * H },
    });
    // Due at 18:00, inside the period: one met, one not due yet.
    expect(byStore['S-042'].resolution).toMatchObject({ due: 2, met: 1, breached: 0, shareMet: 1 });
    expect(byStore['S-7'].firstResponse).toMatchObject({
      due: 1,
      met: 0,
      breached: 1,
      shareMet: 0,
    });
    expect(byStore['S-042'].nextUpdate).toMatchObject({ due: 0, shareMet: null });
  });

  it("answers a region lead their region's groups only, and nothing of another's", async () => {
    const north = await compliance(period('store'), tokenOf('RM-1', 'regional_manager'));
    expect(north.body.groups.map((g: { key: string }) => g.key)).toEqual(['S-042']);
    const south = await compliance(period('region'), tokenOf('RM-2', 'regional_manager'));
    expect(south.body.groups.map((g: { key: string }) => g.key)).toEqual(['R-S']);
    const nobody = await compliance(period('region'), tokenOf('RM-9', 'regional_manager'));
    expect(nobody).toMatchObject({ status: 200, body: { groups: [] } });
  });

  it('refuses a store manager, an agent and a customer', async () => {
    for (const [sub, role] of [
      ['M-42', 'store_manager'],
      ['A-1', 'agent'],
      ['C-1', 'customer'],
    ] as const) {
      expect((await compliance(period('store'), tokenOf(sub, role))).status).toBe(403);
      expect((await call('POST', '/v1/sla/what-if', whatIf(), tokenOf(sub, role))).status).toBe(
        403,
      );
    }
  });

  it.each([
    [
      'a from without an offset',
      `from=2026-11-20T00:00:00&to=${TO}&groupBy=store`,
      'from',
      'isIsoInstant',
    ],
    ['a missing to', `from=${encodeURIComponent(FROM)}&groupBy=store`, 'to', 'isIsoInstant'],
    ['a to before from', `from=${TO}&to=2026-11-20T00:00:00Z&groupBy=store`, 'to', 'isAfterFrom'],
    ['a to equal to from', `from=${TO}&to=${TO}&groupBy=store`, 'to', 'isAfterFrom'],
    [
      'a period of 367 days',
      `from=2026-01-01T00:00:00Z&to=2027-01-03T00:00:00Z&groupBy=store`,
      'to',
      'maxPeriod',
    ],
    [
      'an unknown grouping',
      `from=${encodeURIComponent(FROM)}&to=${TO}&groupBy=city`,
      'groupBy',
      'isIn',
    ],
  ])(
    'answers compliance with %s 400, naming the field and the rule',
    async (_what, query, field, rule) => {
      const answer = await compliance(query);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
    },
  );

  it('replays the period under a looser draft: fewer breaches under the draft, the actual figures as recorded', async () => {
    const answer = await call('POST', '/v1/sla/what-if', whatIf());
    expect(answer.status).toBe(200);
    expect(answer.body.cases).toBe(3);
    const first = (groups: { key: string; targets: { firstResponse: unknown } }[]) =>
      groups.map((g) => [g.key, g.targets.firstResponse]);
    expect(first(answer.body.actual)).toEqual([
      ['S-042', expect.objectContaining({ due: 2, met: 1, breached: 1 })],
      ['S-7', expect.objectContaining({ due: 1, met: 0, breached: 1 })],
    ]);
    expect(first(answer.body.draft)).toEqual([
      ['S-042', expect.objectContaining({ due: 2, met: 1, breached: 0 })],
      ['S-7', expect.objectContaining({ due: 1, met: 0, breached: 0 })],
    ]);
    const byPolicy = await call('POST', '/v1/sla/what-if', whatIf({ groupBy: 'policy' }));
    expect(byPolicy.body.actual.map((g: { key: string }) => g.key)).toEqual(['standard']);
    expect(byPolicy.body.draft.map((g: { key: string }) => g.key)).toEqual(['looser']);
  });

  it("replays only a region lead's own cases", async () => {
    const answer = await call(
      'POST',
      '/v1/sla/what-if',
      whatIf(),
      tokenOf('RM-2', 'regional_manager'),
    );
    expect(answer.body).toMatchObject({
      cases: 1,
      actual: [{ key: 'S-7' }],
      draft: [{ key: 'S-7' }],
    });
  });

  it('writes nothing: the event log and the read models are as they were', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const tables = async () => ({
      cases: await readModels()
        .getRepository(SlaComplianceCase)
        .find({ order: { caseId: 'ASC' } }),
      targets: await readModels()
        .getRepository(SlaComplianceTarget)
        .find({ order: { caseId: 'ASC', kind: 'ASC', cycle: 'ASC' } }),
      compliance: (await compliance(period('owner'))).body.groups,
    });
    // The inner loop schedules notices for the cases' events and delivery settles each of them
    // (here: no address, suppressed); the log is compared only once nothing else is owed to it.
    const settled = async (): Promise<boolean> => {
      const all = await store.readAll({ after: 0n, limit: 100_000 });
      const done = new Set(
        all
          .filter((e) => ['NoticeSent', 'NoticeSuppressed', 'NoticeDeferred'].includes(e.type))
          .map((e) => e.streamId),
      );
      return all.filter((e) => e.type === 'NoticeScheduled').every((e) => done.has(e.streamId));
    };
    await waitFor(settled, { timeoutMs: 20_000, what: 'every notice settled by delivery' });
    const log = await store.readAll({ after: 0n, limit: 100_000 });
    const before = await tables();
    expect((await call('POST', '/v1/sla/what-if', whatIf())).status).toBe(200);
    expect(await store.readAll({ after: 0n, limit: 100_000 })).toEqual(log);
    expect(await tables()).toEqual(before);
  });

  it.each<[string, object, string, string]>([
    [
      'a draft duration in years',
      whatIf({ defaultPolicy: { ...looser, targets: { resolution: target('P1Y') } } }),
      'defaultPolicy.targets.resolution.duration',
      'isIsoDuration',
    ],
    [
      'a draft policy without a resolution target',
      whatIf({
        policies: [
          { ...looser, policyId: 'a' },
          { ...looser, policyId: 'b' },
          { ...looser, policyId: 'c', targets: { firstResponse: target('PT1H') } },
        ],
      }),
      'policies[2].targets.resolution',
      'isDefined',
    ],
    [
      'a draft escalation that names a region lead twice',
      whatIf({
        defaultPolicy: {
          ...looser,
          escalation: [standard.escalation[0], standard.escalation[0]],
        },
      }),
      'defaultPolicy.escalation[1].to',
      'sla.escalation_loop',
    ],
    ['no default policy', whatIf({ defaultPolicy: undefined }), 'defaultPolicy', 'isDefined'],
    ['a to before from', whatIf({ from: TO, to: FROM }), 'to', 'isAfterFrom'],
    ['an unknown grouping', whatIf({ groupBy: 'city' }), 'groupBy', 'isIn'],
  ])(
    'answers a what-if with %s 400, naming the field and the rule',
    async (_what, body, field, rule) => {
      const answer = await call('POST', '/v1/sla/what-if', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
    },
  );
});
