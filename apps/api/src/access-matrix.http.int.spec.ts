import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@heard/config';
import { signOptOutToken } from '@heard/customers';
import { resolveScope } from '@heard/directory/read-models';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role, Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { caseEventNoticeId, scheduleNotice } from '@heard/loop';
import { EventStore } from '@heard/event-store';
import { createApp } from './bootstrap';
import { EVENT_STORE, READ_MODELS } from './platform/tokens';

jest.setTimeout(120_000);

type Json = Record<string, unknown>;
type Target = 'in' | 'out';

/**
 * Every route the app serves x every role -> the status class. A scoped route names the class for a
 * resource in the caller's scope and for one outside it ("in/out"): outside reads answer 404, as if
 * it did not exist; forbidden actions 403. The routes come from the served OpenAPI document, so a
 * new route without a row here fails the first test.
 */
const MATRIX = `
  route                                  customer  agent    store_manager  regional_manager  cx_admin  integration
  GET  /health                           2xx       2xx      2xx            2xx               2xx       2xx
  GET  /ready                            2xx       2xx      2xx            2xx               2xx       2xx
  POST /v1/feedback                      2xx       2xx      2xx            2xx               2xx       2xx
  POST /v1/feedback/batch                403       2xx      2xx            2xx               2xx       2xx
  GET  /v1/feedback/{id}                 2xx/404   2xx/404  2xx/404        2xx/404           2xx/2xx   2xx/404
  GET  /v1/me/feedback                   2xx       403      403            403               403       403
  GET  /v1/cases                         2xx       2xx      2xx            2xx               2xx       403
  GET  /v1/cases/{id}                    2xx/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/acknowledge        403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/notes              403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/replies            2xx/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/await-customer     403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/resume             403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/priority           403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/category           403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/assign             403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/escalate           403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/resolve            403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/reopen             2xx/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/cases/{id}/close              403/404   2xx/404  2xx/404        2xx/404           2xx/2xx   403/403
  GET  /v1/me/assignments                403       2xx      2xx            2xx               2xx       403
  GET  /v1/regions/{id}                  403       403      403            2xx               2xx       403
  PUT  /v1/regions/{id}                  403       403      403            403               2xx       403
  GET  /v1/stores/{id}                   403       403      403            2xx               2xx       403
  PUT  /v1/stores/{id}                   403       403      403            403               2xx       403
  GET  /v1/teams/{id}                    403       403      403            2xx               2xx       403
  PUT  /v1/teams/{id}                    403       403      403            403               2xx       403
  GET  /v1/people/{id}                   403       403      403            2xx               2xx       403
  PUT  /v1/people/{id}                   403       403      403            403               2xx       403
  GET  /v1/routing-rules                 403       403      403            2xx               2xx       403
  PUT  /v1/routing-rules                 403       403      403            403               2xx       403
  GET  /v1/sla-policies                  403       403      403            2xx               2xx       403
  PUT  /v1/sla-policies                  403       403      403            403               2xx       403
  GET  /v1/calendars/{id}                403       403      403            403               2xx       403
  PUT  /v1/calendars/{id}                403       403      403            403               2xx       403
  GET  /v1/sla/compliance                403       403      403            2xx               2xx       403
  POST /v1/sla/what-if                   403       403      403            2xx               2xx       403
  POST /v1/customers/{id}/erasure        403       403      403            403               2xx       403
  GET  /v1/me/preferences                2xx       403      403            403               403       403
  PUT  /v1/me/preferences                2xx       403      403            403               403       403
  GET  /v1/customers/{id}/preferences    403       403      403            403               2xx       2xx
  PUT  /v1/customers/{id}/preferences    403       403      403            403               2xx       2xx
  POST /v1/me/opt-out                    2xx       403      403            403               403       403
  GET  /v1/me/data                       2xx       403      403            403               403       403
  GET  /v1/me/notices                    2xx       403      403            403               403       403
  POST /v1/me/notices/{id}/read          2xx       403      403            403               403       403
  GET  /v1/customers/{id}/notices        403       403      403            403               2xx       403
  GET  /v1/opt-out/{token}               2xx       2xx      2xx            2xx               2xx       2xx
  POST /v1/opt-out/{token}               2xx       2xx      2xx            2xx               2xx       2xx
  GET  /v1/loop/rate                     403       403      2xx            2xx               2xx       403
  POST /v1/improvements                  403       403      2xx            2xx               2xx       403
  GET  /v1/improvements                  403       403      2xx            2xx               2xx       403
  GET  /v1/improvements/{id}             403/403   403/403  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/improvements/{id}/start       403/403   403/403  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/improvements/{id}/ship        403/403   403/403  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/improvements/{id}/cancel      403/403   403/403  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/improvements/{id}/links       403/403   403/403  2xx/404        2xx/404           2xx/2xx   403/403
  POST /v1/improvements/{id}/links/preview 403/403 403/403  2xx/404        2xx/404           2xx/2xx   403/403
`;

const table = MATRIX.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const ROLE_COLUMNS = table[0].slice(1) as Role[];
const ROWS = table.slice(1).map(([method, path, ...cells]) => ({
  route: `${method} ${path}`,
  cells: Object.fromEntries(ROLE_COLUMNS.map((role, i) => [role, cells[i]])) as Record<
    Role,
    string
  >,
}));

/** Whom each role is: its in-scope case and feedback are its own (see the world below). */
const CALLERS: Record<Role, string> = {
  customer: 'C-1',
  agent: 'A-1',
  store_manager: 'M-42',
  regional_manager: 'RM-1',
  cx_admin: 'admin-1',
  integration: 'pos-bridge',
};

const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'de-DE' });
const WORLD: [string, Json][] = [
  ...(
    [
      ['RM-1', 'regional_manager'],
      ['RM-2', 'regional_manager'],
      ['M-42', 'store_manager'],
      ['M-7', 'store_manager'],
      ['A-1', 'agent'],
      ['A-2', 'agent'],
      ['A-3', 'agent'],
    ] as const
  ).map(([id, role]): [string, Json] => [`/v1/people/${id}`, person(role)]),
  ['/v1/regions/R-N', { name: 'North', leadId: 'RM-1' }],
  ['/v1/regions/R-S', { name: 'South', leadId: 'RM-2' }],
  ['/v1/stores/S-042', { name: 'Harbour', regionId: 'R-N', timezone: 'UTC', managerId: 'M-42' }],
  ['/v1/stores/S-100', { name: 'Quay', regionId: 'R-S', timezone: 'UTC', managerId: 'M-7' }],
  ['/v1/teams/T-cx', { name: 'Customer care', memberIds: ['A-1', 'A-2'], queue: 'cx' }],
  ['/v1/teams/T-other', { name: 'South care', memberIds: ['A-3'], queue: 'south' }],
  [
    '/v1/routing-rules',
    {
      rules: [
        { id: 'north', match: { storeIds: ['S-042'] }, owner: { kind: 'team', teamId: 'T-cx' } },
        {
          id: 'south',
          match: { storeIds: ['S-100'] },
          owner: { kind: 'team', teamId: 'T-other' },
        },
      ],
      defaultOwner: { kind: 'team', teamId: 'T-cx' },
    },
  ],
  ['/v1/calendars/C-1', { timeZone: 'UTC', week: { mon: [{ from: '08:00', to: '20:00' }] } }],
  [
    '/v1/sla-policies',
    {
      policies: [],
      defaultPolicy: {
        policyId: 'standard',
        name: 'Everything else',
        targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
        escalation: [
          {
            to: { kind: 'team', teamId: 'T-cx' },
            mode: 'owner',
            target: { duration: 'PT24H', calendar: '24x7' },
          },
        ],
      },
    },
  ],
];

type CaseStatus = 'open' | 'awaiting_customer' | 'resolved';
interface Request {
  readonly path: string;
  readonly body?: unknown;
  /** A case action: the state the case must be in for the action to be possible at all. */
  readonly needs?: CaseStatus;
}

const praise = { kind: 'praise', channel: 'app', customer: { consent: false }, text: 'Дякую' };
const caseAction = (action: string, needs: CaseStatus, body?: unknown) => (id: Ids) => ({
  path: `/v1/cases/${id.caseId}/${action}`,
  body,
  needs,
});
interface Ids {
  readonly caseId: string;
  readonly feedbackId: string;
  /** One improvement per improvement route (every action on one is idempotent), by route. */
  readonly improvements?: Readonly<Record<string, string>>;
}
const IMPROVEMENT_ROUTES = [
  'GET /v1/improvements/{id}',
  'POST /v1/improvements/{id}/start',
  'POST /v1/improvements/{id}/ship',
  'POST /v1/improvements/{id}/cancel',
  'POST /v1/improvements/{id}/links',
  'POST /v1/improvements/{id}/links/preview',
];
const improvement =
  (route: string, action: string, body?: unknown) =>
  (id: Ids): Request => ({
    path: `/v1/improvements/${id.improvements?.[route] ?? 'missing'}${action}`,
    body,
  });
const IMPROVEMENT = {
  title: 'Second till at peak hours',
  description: 'A second till opens whenever more than four people queue',
  categories: ['queue'],
};
const directoryEntry = (path: string) => () => ({
  path,
  body: WORLD.find(([p]) => p === path)?.[1],
});

/** What each route is sent. Directory writes put back what is there: a no-op that still answers. */
const REQUESTS: Record<string, (id: Ids) => Request> = {
  'GET /health': () => ({ path: '/health' }),
  'GET /ready': () => ({ path: '/ready' }),
  'POST /v1/feedback': () => ({ path: '/v1/feedback', body: praise }),
  'POST /v1/feedback/batch': () => ({ path: '/v1/feedback/batch', body: { items: [praise] } }),
  'GET /v1/feedback/{id}': (id) => ({ path: `/v1/feedback/${id.feedbackId}` }),
  'GET /v1/me/feedback': () => ({ path: '/v1/me/feedback' }),
  'GET /v1/cases': () => ({ path: '/v1/cases' }),
  'GET /v1/cases/{id}': (id) => ({ path: `/v1/cases/${id.caseId}` }),
  'POST /v1/cases/{id}/acknowledge': caseAction('acknowledge', 'open'),
  'POST /v1/cases/{id}/notes': caseAction('notes', 'open', { text: 'checked the rota' }),
  'POST /v1/cases/{id}/replies': caseAction('replies', 'open', { text: 'We are on it' }),
  'POST /v1/cases/{id}/await-customer': caseAction('await-customer', 'open', { reason: 'Which?' }),
  'POST /v1/cases/{id}/resume': caseAction('resume', 'awaiting_customer'),
  'POST /v1/cases/{id}/priority': caseAction('priority', 'open', {
    priority: 'high',
    reason: null,
  }),
  'POST /v1/cases/{id}/category': caseAction('category', 'open', { category: 'staff' }),
  'POST /v1/cases/{id}/assign': caseAction('assign', 'open', { ownerId: 'A-2' }),
  'POST /v1/cases/{id}/escalate': caseAction('escalate', 'open', { to: 'RM-1', reason: 'again' }),
  'POST /v1/cases/{id}/resolve': caseAction('resolve', 'open', {
    code: 'fixed',
    summary: 'second till',
    customerMessage: 'A second till now opens at peak hours.',
  }),
  'POST /v1/cases/{id}/reopen': caseAction('reopen', 'resolved', { reason: 'not fixed' }),
  'POST /v1/cases/{id}/close': caseAction('close', 'resolved'),
  'GET /v1/me/assignments': () => ({ path: '/v1/me/assignments' }),
  'GET /v1/regions/{id}': () => ({ path: '/v1/regions/R-N' }),
  'PUT /v1/regions/{id}': directoryEntry('/v1/regions/R-N'),
  'GET /v1/stores/{id}': () => ({ path: '/v1/stores/S-042' }),
  'PUT /v1/stores/{id}': directoryEntry('/v1/stores/S-042'),
  'GET /v1/teams/{id}': () => ({ path: '/v1/teams/T-cx' }),
  'PUT /v1/teams/{id}': directoryEntry('/v1/teams/T-cx'),
  'GET /v1/people/{id}': () => ({ path: '/v1/people/M-42' }),
  'PUT /v1/people/{id}': directoryEntry('/v1/people/M-42'),
  'GET /v1/routing-rules': () => ({ path: '/v1/routing-rules' }),
  'PUT /v1/routing-rules': directoryEntry('/v1/routing-rules'),
  'GET /v1/sla-policies': () => ({ path: '/v1/sla-policies' }),
  'PUT /v1/sla-policies': directoryEntry('/v1/sla-policies'),
  'GET /v1/calendars/{id}': () => ({ path: '/v1/calendars/C-1' }),
  'PUT /v1/calendars/{id}': directoryEntry('/v1/calendars/C-1'),
  'GET /v1/sla/compliance': () => ({
    path: '/v1/sla/compliance?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&groupBy=store',
  }),
  'POST /v1/sla/what-if': () => ({
    path: '/v1/sla/what-if',
    body: {
      policies: [],
      defaultPolicy: {
        policyId: 'looser',
        name: 'Everything else, a week',
        targets: { resolution: { duration: 'P7D', calendar: '24x7' } },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      groupBy: 'region',
    },
  }),
  // A customer nobody else in the world is: erasing them changes no other row's answer.
  'POST /v1/customers/{id}/erasure': () => ({ path: '/v1/customers/C-forgotten/erasure' }),
  'GET /v1/me/preferences': () => ({ path: '/v1/me/preferences' }),
  'PUT /v1/me/preferences': () => ({ path: '/v1/me/preferences', body: PREFERENCES }),
  'GET /v1/customers/{id}/preferences': () => ({ path: '/v1/customers/C-prefs/preferences' }),
  'PUT /v1/customers/{id}/preferences': () => ({
    path: '/v1/customers/C-prefs/preferences',
    body: PREFERENCES,
  }),
  'GET /v1/me/data': () => ({ path: '/v1/me/data' }),
  'GET /v1/me/notices': () => ({ path: '/v1/me/notices' }),
  'POST /v1/me/notices/{id}/read': () => ({ path: `/v1/me/notices/${MATRIX_NOTICE}/read` }),
  'GET /v1/customers/{id}/notices': () => ({ path: '/v1/customers/C-1/notices' }),
  'POST /v1/me/opt-out': () => ({ path: '/v1/me/opt-out', body: { purpose: 'surveys' } }),
  // Public: the signed link is the credential, whatever token comes with it.
  'GET /v1/opt-out/{token}': () => ({ path: `/v1/opt-out/${OPT_OUT_LINK}` }),
  'POST /v1/opt-out/{token}': () => ({ path: `/v1/opt-out/${OPT_OUT_LINK}` }),
  'GET /v1/loop/rate': () => ({
    path: '/v1/loop/rate?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=store',
  }),
  'POST /v1/improvements': () => ({
    path: '/v1/improvements',
    body: { ...IMPROVEMENT, storeIds: ['S-042'] },
  }),
  'GET /v1/improvements': () => ({ path: '/v1/improvements' }),
  'GET /v1/improvements/{id}': improvement('GET /v1/improvements/{id}', ''),
  'POST /v1/improvements/{id}/start': improvement('POST /v1/improvements/{id}/start', '/start'),
  'POST /v1/improvements/{id}/ship': improvement('POST /v1/improvements/{id}/ship', '/ship', {
    messages: { en: 'A second till opens at peak hours' },
  }),
  'POST /v1/improvements/{id}/cancel': improvement(
    'POST /v1/improvements/{id}/cancel',
    '/cancel',
    {},
  ),
  'POST /v1/improvements/{id}/links': improvement('POST /v1/improvements/{id}/links', '/links', {
    criteria: { categories: ['queue'] },
  }),
  'POST /v1/improvements/{id}/links/preview': improvement(
    'POST /v1/improvements/{id}/links/preview',
    '/links/preview',
    { criteria: { categories: ['queue'] } },
  ),
};

/** An in-app notice of C-1's, delivered before the matrix runs, so marking it read can answer 2xx. */
const MATRIX_NOTICE = caseEventNoticeId('0193e7a0-0000-7000-8000-00000000aaaa');
const PREFERENCES = { channels: [{ channel: 'email', address: 'olena@example.com' }] };
const OPT_OUT_LINK = signOptOutToken(loadConfig({}).optOutSecret, {
  customerId: 'C-opted-out',
  purpose: null,
  issuedAt: '2026-12-01T10:00:00.000Z',
});

const classOf = (status: number) => (status >= 200 && status < 300 ? '2xx' : String(status));

describe('who may call what: every route x every role (embedded SQLite, over HTTP)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-matrix-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
  let app: INestApplication;
  let base: string;
  const token = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const admin = token('admin-1', 'cx_admin');
  const ids = {} as Record<Role | 'outside', Ids>;

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
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: (text && response.headers.get('content-type')?.includes('json')
        ? JSON.parse(text)
        : null) as Json,
    };
  }

  /** Moves a case, as cx_admin, into the state an action needs; answers its ETag. */
  async function prepare(caseId: string, needs: CaseStatus): Promise<string> {
    const steps: Record<string, Partial<Record<CaseStatus, [string, unknown][]>>> = {
      open: {
        awaiting_customer: [['await-customer', { reason: 'Which till?' }]],
        resolved: [['resolve', REQUESTS['POST /v1/cases/{id}/resolve'](ids.outside).body]],
      },
      awaiting_customer: {
        open: [['resume', undefined]],
        resolved: [['resolve', REQUESTS['POST /v1/cases/{id}/resolve'](ids.outside).body]],
      },
      resolved: {
        open: [['reopen', { reason: 'again' }]],
        awaiting_customer: [
          ['reopen', { reason: 'again' }],
          ['await-customer', { reason: 'Which till?' }],
        ],
      },
    };
    let current = await call('GET', `/v1/cases/${caseId}`, admin);
    for (const [action, body] of steps[current.body.status as string]?.[needs] ?? []) {
      const moved = await call('POST', `/v1/cases/${caseId}/${action}`, admin, body, current.etag!);
      expect({ action, status: moved.status }).toEqual({ action, status: 200 });
      current = moved;
    }
    return current.etag!;
  }

  async function complaint(customerId: string, storeId: string, by: string): Promise<Ids> {
    const answer = await call('POST', '/v1/feedback', token(by, 'integration'), {
      kind: 'complaint',
      channel: 'store',
      storeId,
      customer: { id: customerId, name: 'Olena', consent: true },
      category: 'queue',
      text: 'Only one till open',
    });
    expect(answer.status).toBe(202);
    const feedbackId = answer.body.feedbackId as string;
    return { feedbackId, caseId: feedbackId };
  }

  const scopeHolds = async (who: Role, holds: (scope: Scope) => boolean) =>
    holds(await resolveScope({ id: CALLERS[who], role: who }, app.get<DataSource>(READ_MODELS)));

  beforeAll(async () => {
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const [path, body] of WORLD) {
      expect({ path, status: (await call('PUT', path, admin, body)).status }).toEqual({
        path,
        status: 200,
      });
    }
    await waitFor(
      async () =>
        (await scopeHolds('agent', (s) => s.kind === 'staff' && s.teamIds.includes('T-cx'))) &&
        (await scopeHolds(
          'regional_manager',
          (s) => s.kind === 'staff' && s.storeIds.length > 0,
        )) &&
        (await scopeHolds('store_manager', (s) => s.kind === 'staff' && s.storeIds.length > 0)),
      { what: 'the directory read models' },
    );
    // One case per role, each its own customer so that none merges into another.
    for (const [i, role] of ROLE_COLUMNS.entries()) {
      ids[role] = await complaint(role === 'customer' ? 'C-1' : `C-1${i}`, 'S-042', 'pos-bridge');
    }
    ids.outside = await complaint('C-2', 'S-100', 'crm');
    // Improvements for a store in every manager's scope, and for one outside it.
    const proposeFor = async (storeId: string) => {
      const entries: [string, string][] = [];
      for (const route of IMPROVEMENT_ROUTES) {
        const body = { ...IMPROVEMENT, storeIds: [storeId] };
        const answer = await call('POST', '/v1/improvements', admin, body);
        expect(answer.status).toBe(201);
        entries.push([route, answer.body.improvementId as string]);
      }
      return Object.fromEntries(entries);
    };
    const inScope = await proposeFor('S-042');
    for (const role of ROLE_COLUMNS) ids[role] = { ...ids[role], improvements: inScope };
    ids.outside = { ...ids.outside, improvements: await proposeFor('S-100') };
    for (const [who, { caseId }] of Object.entries(ids)) {
      const team = who === 'outside' ? 'T-other' : 'T-cx';
      await waitFor(
        async () => (await call('GET', `/v1/cases/${caseId}`, admin)).body.teamId === team,
        { what: `the case of ${who} routed to ${team}` },
      );
    }
    const inApp = {
      channels: [{ channel: 'in_app' }],
      consents: { case_updates: { given: true } },
    };
    expect((await call('PUT', '/v1/customers/C-1/preferences', admin, inApp)).status).toBe(200);
    const at = new Date().toISOString();
    await scheduleNotice(app.get<EventStore>(EVENT_STORE), {
      noticeId: MATRIX_NOTICE,
      kind: 'case_acknowledged',
      recipient: { customerId: 'C-1' },
      refs: { caseId: ids.customer.caseId },
      channel: 'in_app',
      notBefore: at,
      at,
    });
    const customer = token('C-1', 'customer');
    await waitFor(
      async () =>
        ((await call('GET', '/v1/me/notices', customer)).body.items as Json[]).length === 1,
      { what: "C-1's in-app notice delivered" },
    );
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has one row for every route the app serves, and no row for a route it does not', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ROWS.map((row) => row.route).sort()).toEqual([...served].sort());
    expect(Object.keys(REQUESTS).sort()).toEqual([...served].sort());
  });

  it("lets an agent read the feedback of a case in its team's queue, and not of another", async () => {
    const agent = token('A-1', 'agent');
    const ours = await call('GET', `/v1/feedback/${ids.agent.feedbackId}`, agent);
    expect(ours).toMatchObject({ status: 200, body: { customer: { name: 'Olena' } } });
    const theirs = await call('GET', `/v1/feedback/${ids.outside.feedbackId}`, agent);
    const missing = await call('GET', '/v1/feedback/0193e7a0-0000-7000-8000-000000000000', agent);
    // The same answer as for feedback that does not exist, but for the id it names.
    const shape = ({ detail: _detail, instance: _instance, ...rest }: Json) => rest;
    expect(theirs.status).toBe(404);
    expect(shape(theirs.body)).toEqual(shape(missing.body));
    const outsider = token('A-3', 'agent');
    expect((await call('GET', `/v1/feedback/${ids.outside.feedbackId}`, outsider)).status).toBe(
      200,
    );
  });

  // Case actions change the case: `close` ends it, so it goes last.
  const ordered = [...ROWS].sort(
    (a, b) => Number(a.route.endsWith('/close')) - Number(b.route.endsWith('/close')),
  );

  it.each(ROLE_COLUMNS)('answers the %s role as the matrix says', async (role) => {
    const caller = token(CALLERS[role], role);
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const { route, cells } of ordered) {
      const method = route.split(' ')[0];
      const scoped = cells[role].includes('/');
      const targets: Target[] = scoped ? ['in', 'out'] : ['in'];
      const answers: string[] = [];
      for (const target of targets) {
        const request = REQUESTS[route](target === 'in' ? ids[role] : ids.outside);
        const etag = request.needs
          ? await prepare(request.path.split('/')[3], request.needs)
          : undefined;
        const answer = await call(method, request.path, caller, request.body, etag);
        answers.push(classOf(answer.status));
      }
      expected[route] = cells[role];
      actual[route] = answers.join('/');
    }
    expect(actual).toEqual(expected);
  });
});
