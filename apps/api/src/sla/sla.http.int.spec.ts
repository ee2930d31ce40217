import { HeardConfig, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { BUILT_IN_POLICY_SET } from '@heard/sla';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';
import { createApp } from '../bootstrap';
import { EVENT_STORE } from '../platform/tokens';

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

interface OpenApiDocument {
  readonly paths: Record<string, { readonly put?: { readonly requestBody?: unknown } }>;
  readonly components: {
    readonly schemas: Record<
      string,
      { readonly properties?: Record<string, { example?: unknown }> }
    >;
  };
}

const target = (duration: string, calendar = '24x7') => ({ duration, calendar });
const urgent = {
  policyId: 'urgent',
  name: 'Urgent complaints',
  match: { priorities: ['urgent'], storeIds: ['S-042'] },
  targets: { firstResponse: target('PT15M'), resolution: target('PT4H', 'business') },
  warnAt: 0.75,
  escalation: [
    { to: { kind: 'store_manager' }, mode: 'watcher', target: target('PT2H') },
    { to: { kind: 'team', teamId: 'T-cx' }, mode: 'owner', target: target('PT4H') },
  ],
};
const standard = {
  policyId: 'standard',
  name: 'Everything else',
  targets: { resolution: target('PT72H') },
  escalation: [
    { to: { kind: 'person', personId: 'RM-1' }, mode: 'owner', target: target('PT24H') },
  ],
};
const policies = { policies: [urgent], defaultPolicy: standard };
const withUrgent = (changes: object) => ({ ...policies, policies: [{ ...urgent, ...changes }] });

const calendar = {
  timeZone: 'Europe/Kyiv',
  week: {
    mon: [{ from: '08:00', to: '20:00' }],
    fri: [
      { from: '14:00', to: '24:00' },
      { from: '08:00', to: '13:00' },
    ],
    sat: [{ from: '22:00', to: '02:00' }],
  },
  specialDays: [{ date: '2026-12-25', name: 'Christmas' }],
};

/** One app for the file; the tests build on each other in order, like an admin setting up SLAs. */
describe('SLA policies and calendars over HTTP (embedded SQLite)', () => {
  jest.setTimeout(30_000);
  let dataDir: string;
  let config: HeardConfig;
  let app: INestApplication;
  let baseUrl: string;
  let contract: OpenApiResponseValidator;

  const tokenOf = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const call = async (
    method: 'GET' | 'PUT',
    path: string,
    body?: unknown,
    token = tokenOf('admin-1', 'cx_admin'),
  ): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return { status: response.status, body: JSON.parse(text) as Answer['body'] };
  };
  const streamOf = (streamId: string) => app.get<EventStore>(EVENT_STORE).readStream(streamId);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'heard-sla-http-'));
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    contract = await OpenApiResponseValidator.of(baseUrl);
    const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'de-DE' });
    for (const [path, body] of [
      ['/v1/people/RM-1', person('regional_manager')],
      ['/v1/people/A-1', person('agent')],
      ['/v1/regions/R-N', { name: 'North', leadId: 'RM-1' }],
      ['/v1/stores/S-042', { name: 'Harbour', regionId: 'R-N', timezone: 'Europe/Kyiv' }],
      ['/v1/teams/T-cx', { name: 'Customer care', memberIds: ['A-1'], queue: 'cx' }],
    ] as const) {
      expect({ path, status: (await call('PUT', path, body)).status }).toEqual({
        path,
        status: 200,
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the built-in default as version 0 before anything is published', async () => {
    const builtIn = await call('GET', '/v1/sla-policies');
    expect(builtIn).toEqual({
      status: 200,
      body: { ...BUILT_IN_POLICY_SET, publishedAt: null, publishedBy: null },
    });
    expect(builtIn.body.defaultPolicy).toMatchObject({
      targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
      escalation: [{ to: { kind: 'region_lead' } }, { to: { kind: 'cx_admins' } }],
    });
    const lead = tokenOf('RM-1', 'regional_manager');
    expect(await call('GET', '/v1/sla-policies', undefined, lead)).toEqual(builtIn);
  });

  it('publishes policies, reads them back, and numbers each new version', async () => {
    const first = await call('PUT', '/v1/sla-policies', { ...policies, basedOnVersion: 0 });
    expect(first).toMatchObject({
      status: 200,
      body: {
        version: 1,
        policies: [{ ...urgent, match: { priorities: ['urgent'], storeIds: ['S-042'] } }],
        defaultPolicy: { ...standard, match: {}, warnAt: 0.8 },
        publishedBy: 'admin-1',
      },
    });
    const lead = tokenOf('RM-1', 'regional_manager');
    expect(await call('GET', '/v1/sla-policies', undefined, lead)).toEqual(first);
    expect(await call('PUT', '/v1/sla-policies', policies)).toEqual(first);

    const edited = withUrgent({ warnAt: 0.5 });
    expect(await call('PUT', '/v1/sla-policies', { ...edited, basedOnVersion: 0 })).toMatchObject({
      status: 409,
      body: { code: 'sla.policies_version_conflict' },
    });
    expect(await call('PUT', '/v1/sla-policies', { ...edited, basedOnVersion: 1 })).toMatchObject({
      status: 200,
      body: { version: 2, policies: [{ warnAt: 0.5 }] },
    });
    expect(await call('GET', '/v1/sla-policies')).toMatchObject({ body: { version: 2 } });
    expect(await streamOf('sla-policies')).toHaveLength(2);
  });

  it.each<[string, object, string, string]>([
    [
      'a duration in years',
      withUrgent({ targets: { resolution: target('P1Y') } }),
      'policies[0].targets.resolution.duration',
      'isIsoDuration',
    ],
    [
      'an empty duration',
      withUrgent({ targets: { resolution: target('PT') } }),
      'policies[0].targets.resolution.duration',
      'isIsoDuration',
    ],
    ['a warnAt of 1.5', withUrgent({ warnAt: 1.5 }), 'policies[0].warnAt', 'isWarnShare'],
    [
      'an unknown calendar kind',
      withUrgent({ targets: { resolution: target('PT4H', 'office') } }),
      'policies[0].targets.resolution.calendar',
      'isIn',
    ],
    [
      'an escalation that names a team twice',
      withUrgent({
        escalation: [
          { to: { kind: 'team', teamId: 'T-cx' }, mode: 'owner', target: target('PT1H') },
          { to: { kind: 'team', teamId: 'T-cx' }, mode: 'watcher', target: target('PT1H') },
        ],
      }),
      'policies[0].escalation[1].to',
      'sla.escalation_loop',
    ],
    [
      'a default policy with a match',
      { ...policies, defaultPolicy: { ...standard, match: { kinds: ['review'] } } },
      'defaultPolicy.match',
      'sla.invalid_match',
    ],
  ])('answers %s 400, naming the field and the rule', async (_what, body, field, rule) => {
    const answer = await call('PUT', '/v1/sla-policies', body);
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ field, rule }] } });
    expect(await streamOf('sla-policies')).toHaveLength(2);
  });

  it.each<[string, object, string, string]>([
    [
      'person',
      withUrgent({
        escalation: [
          { to: { kind: 'person', personId: 'P-404' }, mode: 'owner', target: target('PT1H') },
        ],
      }),
      'policies[0].escalation[0].to.personId',
      'sla.unknown_person',
    ],
    [
      'team',
      withUrgent({
        escalation: [
          { to: { kind: 'team', teamId: 'T-404' }, mode: 'owner', target: target('PT1H') },
        ],
      }),
      'policies[0].escalation[0].to.teamId',
      'sla.unknown_team',
    ],
    [
      'store',
      withUrgent({ match: { storeIds: ['S-404'] } }),
      'policies[0].match.storeIds[0]',
      'sla.unknown_store',
    ],
    [
      'region',
      withUrgent({ match: { regionIds: ['R-404'] } }),
      'policies[0].match.regionIds[0]',
      'sla.unknown_region',
    ],
  ])('answers an unknown %s 422, naming the field', async (_what, body, field, code) => {
    expect(await call('PUT', '/v1/sla-policies', body)).toMatchObject({
      status: 422,
      body: { code, errors: [{ field, rule: code }] },
    });
  });

  it('lets region leads read the policies but not publish them; agents neither', async () => {
    const lead = tokenOf('RM-1', 'regional_manager');
    const agent = tokenOf('A-1', 'agent');
    expect((await call('PUT', '/v1/sla-policies', policies, lead)).status).toBe(403);
    expect((await call('GET', '/v1/sla-policies', undefined, agent)).status).toBe(403);
    expect((await call('PUT', '/v1/sla-policies', policies, agent)).status).toBe(403);
    expect((await call('GET', '/v1/calendars/kyiv-stores', undefined, lead)).status).toBe(403);
    expect((await call('PUT', '/v1/calendars/kyiv-stores', calendar, lead)).status).toBe(403);
  });

  it('puts a calendar, reads it back, and versions each change', async () => {
    const first = await call('PUT', '/v1/calendars/kyiv-stores', calendar);
    expect(first).toEqual({
      status: 200,
      body: {
        calendarId: 'kyiv-stores',
        timeZone: 'Europe/Kyiv',
        week: {
          mon: [{ from: '08:00', to: '20:00' }],
          tue: [],
          wed: [],
          thu: [],
          fri: [
            { from: '08:00', to: '13:00' },
            { from: '14:00', to: '24:00' },
          ],
          sat: [{ from: '22:00', to: '02:00' }],
          sun: [],
        },
        specialDays: [{ date: '2026-12-25', hours: [], name: 'Christmas' }],
        version: 1,
        definedAt: expect.any(String),
        changedAt: expect.any(String),
        changedBy: 'admin-1',
      },
    });
    expect(await call('GET', '/v1/calendars/kyiv-stores')).toEqual(first);
    expect(await call('PUT', '/v1/calendars/kyiv-stores', calendar)).toEqual(first);
    const shorter = {
      ...calendar,
      week: { ...calendar.week, sun: [{ from: '10:00', to: '16:00' }] },
    };
    expect(await call('PUT', '/v1/calendars/kyiv-stores', shorter)).toMatchObject({
      status: 200,
      body: { version: 2, week: { sun: [{ from: '10:00', to: '16:00' }] } },
    });
    expect(await streamOf('calendar-kyiv-stores')).toHaveLength(2);
    expect(await call('GET', '/v1/calendars/nowhere')).toMatchObject({ status: 404 });
  });

  it.each<[string, object, string, string]>([
    ['an unknown zone', { ...calendar, timeZone: 'Mars/Olympus' }, 'timeZone', 'isIanaTimeZone'],
    [
      '25:00',
      { ...calendar, week: { mon: [{ from: '08:00', to: '25:00' }] } },
      'week.mon[0].to',
      'isWallClockTime',
    ],
    [
      'overlapping intervals',
      {
        ...calendar,
        week: {
          tue: [
            { from: '08:00', to: '13:00' },
            { from: '12:00', to: '18:00' },
          ],
        },
      },
      'week.tue[1]',
      'sla.overlapping_hours',
    ],
    [
      'a night running into the next morning’s hours',
      {
        ...calendar,
        week: { sat: [{ from: '22:00', to: '03:00' }], sun: [{ from: '02:00', to: '10:00' }] },
      },
      'week.sun[0]',
      'sla.overlapping_hours',
    ],
    ['no opening hours at all', { ...calendar, week: {} }, 'week', 'sla.no_opening_hours'],
    [
      'a date that does not exist',
      { ...calendar, specialDays: [{ date: '2026-02-30' }] },
      'specialDays[0].date',
      'isCalendarDate',
    ],
    [
      'the same date twice',
      { ...calendar, specialDays: [{ date: '2026-12-25' }, { date: '2026-12-25' }] },
      'specialDays[1].date',
      'sla.duplicate_date',
    ],
  ])(
    'answers a calendar with %s 400, naming the field and the rule',
    async (_what, body, field, rule) => {
      expect(await call('PUT', '/v1/calendars/kyiv-stores', body)).toMatchObject({
        status: 400,
        body: { errors: [{ field, rule }] },
      });
      expect(await streamOf('calendar-kyiv-stores')).toHaveLength(2);
    },
  );

  it('lets a store name its calendar, and answers an unknown one 422 naming calendarId', async () => {
    const store = { name: 'Harbour', regionId: 'R-N', timezone: 'Europe/Kyiv' };
    expect(await call('GET', '/v1/stores/S-042')).toMatchObject({ body: { calendarId: null } });
    expect(
      await call('PUT', '/v1/stores/S-042', { ...store, calendarId: 'kyiv-stores' }),
    ).toMatchObject({ status: 200, body: { calendarId: 'kyiv-stores', version: 2 } });
    expect(await call('GET', '/v1/stores/S-042')).toMatchObject({
      body: { calendarId: 'kyiv-stores' },
    });
    expect(
      await call('PUT', '/v1/stores/S-042', { ...store, calendarId: 'nowhere' }),
    ).toMatchObject({
      status: 422,
      body: {
        code: 'directory.unknown_calendar',
        errors: [{ field: 'calendarId', rule: 'directory.unknown_calendar' }],
      },
    });
    expect(await streamOf('store-S-042')).toHaveLength(2);
  });

  it('documents an example for every field of every SLA request', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
    const refOf = (body: unknown) => JSON.stringify(body).match(/schemas\/(\w+)/)?.[1] ?? '';
    const requests = Object.entries(document.paths)
      .filter(([path]) => /^\/v1\/(sla-policies|calendars)/.test(path))
      .flatMap(([, item]) => (item.put ? [refOf(item.put.requestBody)] : []));
    expect(requests).toHaveLength(2);
    const nested = [
      'SlaPolicyDto',
      'PolicyMatchDto',
      'PolicyTargetsDto',
      'TargetSpecDto',
      'EscalationLevelDto',
      'EscalationTargetDto',
      'WeekDto',
      'OpeningIntervalDto',
      'SpecialDayDto',
      'SlaPoliciesResponse',
      'CalendarResponse',
    ];
    for (const name of [...requests, ...nested]) {
      const properties = document.components.schemas[name]?.properties;
      expect(properties).toBeDefined();
      const missing = Object.entries(properties ?? {})
        .filter(([, property]) => property.example === undefined)
        .map(([field]) => `${name}.${field}`);
      expect(missing).toEqual([]);
    }
  });
});
