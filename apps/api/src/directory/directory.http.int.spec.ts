import { HeardConfig, loadConfig } from '@heard/config';
import { resolveScope } from '@heard/directory/read-models';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { EVENT_STORE, READ_MODELS } from '../platform/tokens';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';

interface Answer {
  readonly status: number;
  readonly body: unknown;
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

const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'de-DE' });
const store = {
  name: 'Harbour Street',
  regionId: 'R-N',
  timezone: 'Europe/Berlin',
  managerId: 'M-42',
};
const rules = {
  rules: [
    {
      id: 'complaints-to-store',
      match: { kinds: ['complaint'] },
      owner: { kind: 'store_manager' },
    },
  ],
  defaultOwner: { kind: 'team', teamId: 'T-cx' },
};

/** One app for the file; the tests build on each other in order, like an admin setting up a chain. */
describe('directory over HTTP (embedded SQLite)', () => {
  jest.setTimeout(30_000);
  let dataDir: string;
  let config: HeardConfig;
  let app: INestApplication;
  let baseUrl: string;
  /** Every answer below is checked against the document the app serves. */
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
    return { status: response.status, body: JSON.parse(text) as unknown };
  };
  const streamOf = (streamId: string) => app.get<EventStore>(EVENT_STORE).readStream(streamId);
  /** The ids a member of staff sees, from the read models the running app keeps. */
  const staffScope = async (id: string, role: Role) => {
    const scope = await resolveScope({ id, role }, app.get<DataSource>(READ_MODELS));
    if (scope.kind !== 'staff') throw new Error(`${id} as ${role} is not staff`);
    return scope;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'heard-directory-http-'));
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    contract = await OpenApiResponseValidator.of(baseUrl);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts people, a region, a store and a team, and reads each back', async () => {
    const puts: Record<string, Answer> = {};
    const put = async (path: string, body: object) => (puts[path] = await call('PUT', path, body));
    for (const [id, role] of [
      ['RM-1', 'regional_manager'],
      ['M-42', 'store_manager'],
      ['A-1', 'agent'],
    ] as const) {
      expect(await put(`/v1/people/${id}`, person(role))).toMatchObject({
        status: 200,
        body: { personId: id, ...person(role), version: 1, changedBy: 'admin-1' },
      });
    }
    expect(await put('/v1/regions/R-N', { name: 'North', leadId: 'RM-1' })).toMatchObject({
      status: 200,
      body: { regionId: 'R-N', name: 'North', leadId: 'RM-1', version: 1 },
    });
    expect(await put('/v1/stores/S-042', store)).toMatchObject({
      status: 200,
      body: { storeId: 'S-042', ...store, version: 1 },
    });
    const team = { name: 'Customer care', memberIds: ['A-1', 'A-1'], queue: 'cx' };
    expect(await put('/v1/teams/T-cx', team)).toMatchObject({
      status: 200,
      body: { teamId: 'T-cx', memberIds: ['A-1'], queue: 'cx', version: 1 },
    });
    for (const [path, answer] of Object.entries(puts)) {
      expect(await call('GET', path)).toEqual(answer);
    }
  });

  it('records the caller as the actor of the event', async () => {
    const [defined] = await streamOf('store-S-042');
    expect(defined).toMatchObject({
      type: 'StoreDefined',
      actor: 'admin-1',
      data: { by: 'admin-1' },
    });
  });

  it('projects what was put, so the scopes of the people in it follow', async () => {
    await waitFor(async () => (await staffScope('A-1', 'agent')).teamIds.includes('T-cx'), {
      what: 'team T-cx in the read models',
    });
    await waitFor(
      async () => (await staffScope('RM-1', 'regional_manager')).storeIds.includes('S-042'),
      { what: 'store S-042 of region R-N in the read models' },
    );
    expect(await staffScope('M-42', 'store_manager')).toEqual({
      kind: 'staff',
      personId: 'M-42',
      storeIds: ['S-042'],
      regionIds: [],
      teamIds: [],
    });
    expect(await staffScope('RM-1', 'regional_manager')).toMatchObject({ regionIds: ['R-N'] });
  });

  it('answers an unchanged PUT 200 without a new event, and a change with the next version', async () => {
    expect(await call('PUT', '/v1/stores/S-042', store)).toMatchObject({
      status: 200,
      body: { version: 1 },
    });
    expect(await streamOf('store-S-042')).toHaveLength(1);
    const vacated = { ...store, name: 'Harbour St.', managerId: null };
    expect(await call('PUT', '/v1/stores/S-042', vacated)).toMatchObject({
      status: 200,
      body: { name: 'Harbour St.', managerId: null, version: 2 },
    });
    await waitFor(async () => (await staffScope('M-42', 'store_manager')).storeIds.length === 0, {
      what: 'the vacated store to leave the scope of M-42',
    });
  });

  it('lets only a CX admin write (403 for a store manager) and region leads read', async () => {
    const manager = tokenOf('M-42', 'store_manager');
    expect(await call('PUT', '/v1/stores/S-042', store, manager)).toMatchObject({
      status: 403,
      body: { status: 403 },
    });
    expect((await call('PUT', '/v1/routing-rules', rules, manager)).status).toBe(403);
    expect((await call('GET', '/v1/routing-rules', undefined, manager)).status).toBe(403);
    expect((await call('GET', '/v1/stores/S-042', undefined, manager)).status).toBe(403);
    const lead = tokenOf('RM-1', 'regional_manager');
    expect((await call('GET', '/v1/stores/S-042', undefined, lead)).status).toBe(200);
    expect((await call('PUT', '/v1/regions/R-N', { name: 'Mine' }, lead)).status).toBe(403);
  });

  it('answers bad input 400, naming each field', async () => {
    const badZone = await call('PUT', '/v1/stores/S-050', { ...store, timezone: 'Mars/Olympus' });
    expect(badZone).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            field: 'timezone',
            rule: 'isIanaTimeZone',
            message: expect.stringContaining('IANA time zone'),
          },
        ],
      },
    });
    const { name: _name, ...nameless } = store;
    expect(await call('PUT', '/v1/stores/S-050', nameless)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'name', rule: 'isDisplayName' }] },
    });
    expect(
      await call('PUT', '/v1/people/P-1', { ...person('agent'), roles: ['boss'], extra: 1 }),
    ).toMatchObject({
      status: 400,
      body: {
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'extra', rule: 'whitelistValidation' }),
          expect.objectContaining({ field: 'roles', rule: 'isIn' }),
        ]),
      },
    });
    expect(await streamOf('store-S-050')).toHaveLength(0);
  });

  it('answers a refusal of the directory 422 with its code and field', async () => {
    expect(await call('PUT', '/v1/stores/S-050', { ...store, managerId: 'A-1' })).toMatchObject({
      status: 422,
      body: {
        code: 'directory.missing_role',
        errors: [{ field: 'managerId', rule: 'directory.missing_role' }],
      },
    });
  });

  it('answers 404 for an entry nobody put, or an id no put could have', async () => {
    for (const path of [
      '/v1/stores/S-999',
      '/v1/regions/R-X',
      '/v1/teams/T-X',
      '/v1/people/%20x',
    ]) {
      expect(await call('GET', path)).toMatchObject({ status: 404, body: { status: 404 } });
    }
  });

  it('round-trips routing rules with their version', async () => {
    expect((await call('GET', '/v1/routing-rules')).status).toBe(404);
    const first = await call('PUT', '/v1/routing-rules', { ...rules, basedOnVersion: 0 });
    expect(first).toMatchObject({
      status: 200,
      body: { ...rules, version: 1, publishedBy: 'admin-1' },
    });
    const lead = tokenOf('RM-1', 'regional_manager');
    expect(await call('GET', '/v1/routing-rules', undefined, lead)).toEqual(first);
    expect(await call('PUT', '/v1/routing-rules', rules)).toEqual(first);

    const edited = { ...rules, defaultOwner: { kind: 'person', personId: 'RM-1' } };
    expect(await call('PUT', '/v1/routing-rules', { ...edited, basedOnVersion: 0 })).toMatchObject({
      status: 409,
      body: { code: 'directory.rules_version_conflict' },
    });
    expect(await call('PUT', '/v1/routing-rules', { ...edited, basedOnVersion: 1 })).toMatchObject({
      status: 200,
      body: { version: 2, defaultOwner: { kind: 'person', personId: 'RM-1' } },
    });
    expect(await call('GET', '/v1/routing-rules')).toMatchObject({ body: { version: 2 } });
  });

  it('checks routing rules field by field: shape 400, directory rules 422', async () => {
    const robot = { ...rules, rules: [{ id: 'r', owner: { kind: 'robot' } }] };
    expect(await call('PUT', '/v1/routing-rules', robot)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'rules[0].owner.kind', rule: 'isIn' }] },
    });
    const vacant = { ...rules, defaultOwner: { kind: 'store_manager' } };
    expect(await call('PUT', '/v1/routing-rules', vacant)).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'defaultOwner.kind' }] },
    });
    const stranger = { ...rules, defaultOwner: { kind: 'team', teamId: 'T-nobody' } };
    expect(await call('PUT', '/v1/routing-rules', stranger)).toMatchObject({
      status: 422,
      body: { code: 'directory.unknown_team' },
    });
  });

  it('documents an example for every field of every directory request', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
    const refOf = (body: unknown) => JSON.stringify(body).match(/schemas\/(\w+)/)?.[1] ?? '';
    const requests = Object.entries(document.paths)
      .filter(([path]) => /^\/v1\/(regions|stores|teams|people|routing-rules)/.test(path))
      .flatMap(([, item]) => (item.put ? [refOf(item.put.requestBody)] : []));
    expect(requests).toHaveLength(5);
    const nested = ['RoutingRuleDto', 'RuleMatchDto', 'RuleOwnerDto'];
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
