import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId } from '@heard/cases';
import { loadConfig } from '@heard/config';
import { putPerson, putStore } from '@heard/directory';
import { StoreView } from '@heard/directory/read-models';
import { putPersonCommand, putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { feedbackStreamId } from '@heard/feedback';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { EVENT_STORE, READ_MODELS } from '../platform/tokens';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;
interface Answer {
  readonly status: number;
  readonly etag: string | null;
  readonly body: Json;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
}

describe('cases over HTTP (embedded SQLite, reactors and projections in-process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-cases-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
  let app: INestApplication;
  let base: string;
  let store: EventStore;
  /** Every answer below is checked against the document the app serves. */
  let contract: OpenApiResponseValidator;

  const token = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret as string);
  const who = {
    admin: token('admin-1', 'cx_admin'),
    manager: token('M-42', 'store_manager'),
    otherManager: token('M-1', 'store_manager'),
    regionLead: token('RM-1', 'regional_manager'),
    agent: token('A-1', 'agent'),
    customer: token('C-1', 'customer'),
    otherCustomer: token('C-2', 'customer'),
    integration: token('pos-bridge', 'integration'),
  };

  async function call(
    method: string,
    path: string,
    auth: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: (text ? JSON.parse(text) : null) as Json,
    };
  }
  const get = (path: string, auth: string) => call('GET', path, auth);
  const act = (caseId: string, action: string, auth: string, ifMatch?: string, body?: unknown) =>
    call(
      'POST',
      `/v1/cases/${caseId}/${action}`,
      auth,
      body,
      ifMatch === undefined ? {} : { 'if-match': ifMatch },
    );
  const current = async (caseId: string) => (await get(`/v1/cases/${caseId}`, who.admin)).etag!;
  const items = (answer: Answer) => answer.body.items as Json[];

  /** Submits a complaint the way a till system would, and waits until its case has an owner. */
  async function complain(
    customerId: string,
    category = 'queue',
    storeId = 'S-042',
  ): Promise<string> {
    const answer = await call('POST', '/v1/feedback', who.integration, {
      kind: 'complaint',
      channel: 'store',
      storeId,
      customer: { id: customerId, consent: true },
      category,
      text: 'Only one till open, I queued for 25 minutes',
      language: 'en',
    });
    expect(answer.status).toBe(202);
    return answer.body.feedbackId as string;
  }
  const assignmentOf = async (caseId: string, auth = who.manager) =>
    items(await get('/v1/me/assignments', auth)).find((c) => c.caseId === caseId);
  const timelineOf = async (caseId: string) =>
    ((await get(`/v1/cases/${caseId}`, who.admin)).body.timeline as Json[]).map((e) => e.text);

  beforeAll(async () => {
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    contract = await OpenApiResponseValidator.of(base);
    store = app.get(EVENT_STORE);
    await seedDirectory(store);
    await putPerson(store, putPersonCommand({ personId: 'M-1', roles: ['store_manager'] }));
    await putStore(store, putStoreCommand({ storeId: 'S-042', managerId: 'M-42' }));
    await putStore(store, putStoreCommand({ storeId: 'S-001', managerId: 'M-1' }));
    const readModels = app.get<DataSource>(READ_MODELS);
    await waitFor(async () => (await readModels.getRepository(StoreView).count()) === 2, {
      what: 'the directory store view',
    });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('a complaint', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await complain('C-1');
      // Version 3 is the SLA terms the SLA context records after routing.
      await waitFor(async () => (await assignmentOf(caseId))?.version === 3, {
        what: "the case in the store manager's assignments, with its SLA recorded",
      });
    });

    it("opens a case that the store's manager finds in their assignments", async () => {
      expect(await assignmentOf(caseId)).toMatchObject({
        caseId,
        status: 'open',
        storeId: 'S-042',
        regionId: 'R-N',
        category: 'queue',
        priority: 'normal',
        ownerId: 'M-42',
        customerId: 'C-1',
        feedbackIds: [caseId],
        version: 3,
      });
      const [received] = await store.readStream(feedbackStreamId(caseId), { limit: 1 });
      const assigned = (await store.readStream(caseStreamId(caseId))).find(
        (e) => e.type === 'CaseAssigned',
      );
      expect(assigned!.recordedAt.getTime() - received.recordedAt.getTime()).toBeLessThan(1000);
    });

    it('answers the case with its timeline, version and ETag', async () => {
      const answer = await get(`/v1/cases/${caseId}`, who.manager);
      expect(answer.status).toBe(200);
      expect(answer.etag).toBe('"3"');
      expect(answer.body).toMatchObject({ caseId, version: 3, ownerId: 'M-42' });
      const opened = answer.body.openedAt as string;
      const due = Date.parse(answer.body.dueAt as string) - Date.parse(opened);
      expect(Math.abs(due - 72 * 3600_000)).toBeLessThan(60_000);
      expect((answer.body.timeline as Json[]).map((e) => e.text)).toEqual([
        expect.stringMatching(/^Heard opened the case for complaint /),
        "Heard assigned the case to M-42: store S-042's manager is M-42 (built-in rule: no routing rules are published)",
        'Heard applied SLA policy built-in-default (policy set version 0), business time counted 24x7 in Europe/Berlin',
      ]);
    });

    it('takes an action only with the current version in If-Match', async () => {
      const missing = await act(caseId, 'acknowledge', who.manager);
      expect(missing).toMatchObject({ status: 428, body: { status: 428 } });
      const malformed = await act(caseId, 'acknowledge', who.manager, 'W/"3"');
      expect(malformed.status).toBe(400);

      const done = await act(caseId, 'acknowledge', who.manager, '"3"');
      expect(done).toMatchObject({ status: 200, etag: '"4"', body: { version: 4, caseId } });
      expect(done.body.acknowledgedAt).toEqual(expect.any(String));

      const stale = await act(caseId, 'notes', who.manager, '"3"', { text: 'checking the rota' });
      expect(stale).toMatchObject({ status: 409, body: { status: 409, currentVersion: 4 } });
      const bare = await act(caseId, 'notes', who.manager, '4', { text: 'till 3 is broken' });
      expect(bare).toMatchObject({ status: 200, etag: '"5"' });
    });

    it('lets the customer see it without internal notes, and reopen it once resolved', async () => {
      const resolved = await act(caseId, 'resolve', who.manager, await current(caseId), {
        code: 'fixed',
        summary: 'Second till opens at peak hours',
        customerMessage: 'Thank you: a second till now opens whenever the queue grows.',
      });
      expect(resolved).toMatchObject({ status: 200, body: { status: 'resolved' } });

      const seen = await get(`/v1/cases/${caseId}`, who.customer);
      expect(seen).toMatchObject({ status: 200, body: { status: 'resolved' } });
      const types = (seen.body.timeline as Json[]).map((e) => e.type);
      expect(types).toContain('CaseResolved');
      expect(types).not.toContain('NoteAdded');

      const forbidden = await act(caseId, 'close', who.customer, seen.etag!);
      expect(forbidden).toMatchObject({ status: 403, body: { code: 'case.forbidden' } });
      const reopened = await act(caseId, 'reopen', who.customer, seen.etag!, {
        reason: 'The queue was just as long again today',
      });
      expect(reopened).toMatchObject({ status: 200, body: { status: 'open' } });
      await waitFor(async () => (await assignmentOf(caseId))?.status === 'open', {
        what: 'the reopened case back in the assignments',
      });
    });

    it("is not found for another store's manager or another customer", async () => {
      const version = await current(caseId);
      for (const stranger of [who.otherManager, who.otherCustomer]) {
        expect((await get(`/v1/cases/${caseId}`, stranger)).status).toBe(404);
        expect((await act(caseId, 'acknowledge', stranger, version)).status).toBe(404);
        expect((await act(caseId, 'acknowledge', stranger, '"999"')).status).toBe(404);
      }
      expect(items(await get('/v1/cases', who.otherManager))).toEqual([]);
      expect((await get('/v1/cases/no-such-case', who.admin)).status).toBe(404);
    });

    it('absorbs the same customer’s next complaint and says so in its timeline', async () => {
      const next = await complain('C-1');
      await waitFor(
        async () =>
          ((await get(`/v1/cases/${caseId}`, who.admin)).body.feedbackIds as string[]).includes(
            next,
          ),
        { what: 'the second feedback on the first case' },
      );
      const timeline = (await get(`/v1/cases/${caseId}`, who.manager)).body.timeline as Json[];
      expect(timeline.map((e) => e.text)).toContain(
        `Heard absorbed feedback ${next} from the same customer: same customer, store and category as this open case`,
      );
      expect((await get(`/v1/cases/${next}`, who.admin)).status).toBe(404);
    });
  });

  describe('who may read a case and act on it', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await complain('C-1', 'staff');
      await waitFor(async () => (await assignmentOf(caseId)) !== undefined, {
        what: 'the second case',
      });
    });

    it.each<[string, keyof typeof who, number, number]>([
      ['cx_admin', 'admin', 200, 200],
      ["the store's manager", 'manager', 200, 200],
      ['the region lead', 'regionLead', 200, 200],
      ["another store's manager", 'otherManager', 404, 404],
      ['an agent outside the case', 'agent', 404, 404],
      ['the customer', 'customer', 200, 403],
      ['another customer', 'otherCustomer', 404, 404],
      ['an integration', 'integration', 403, 403],
    ])('%s (%s): read %i, add a note %i', async (_label, caller, read, note) => {
      expect((await get(`/v1/cases/${caseId}`, who[caller])).status).toBe(read);
      const noted = await act(caseId, 'notes', who[caller], await current(caseId), {
        text: 'looked at it',
      });
      expect(noted.status).toBe(note);
    });

    it('lists by deadline with filters and an opaque cursor, scoped to the caller', async () => {
      const all = await get('/v1/cases?status=open&store=S-042&limit=1', who.admin);
      expect(all.status).toBe(200);
      expect(items(all)).toHaveLength(1);
      const next = await get(
        `/v1/cases?status=open&store=S-042&limit=1&cursor=${all.body.nextCursor}`,
        who.admin,
      );
      expect(items(next)).toHaveLength(1);
      const due = [...items(all), ...items(next)].map((c) => c.dueAt as string);
      expect(due).toEqual([...due].sort());
      expect(items(await get('/v1/cases?category=staff', who.customer))).toEqual([
        expect.objectContaining({ caseId }),
      ]);
      expect(items(await get('/v1/cases?priority=urgent', who.admin))).toEqual([]);
    });

    it('refuses bad list parameters with 400 and unknown callers with 401', async () => {
      for (const query of [
        'limit=201',
        'cursor=nonsense',
        'status=lost',
        'dueBefore=tomorrow',
        'mood=1',
      ]) {
        expect((await get(`/v1/cases?${query}`, who.admin)).status).toBe(400);
      }
      expect((await call('GET', '/v1/cases', null)).status).toBe(401);
      expect((await get('/v1/me/assignments', who.customer)).status).toBe(403);
    });

    it('reassigns by hand within scope, naming an unknown owner with 422', async () => {
      const unknown = await act(caseId, 'assign', who.manager, await current(caseId), {
        ownerId: 'nobody',
      });
      expect(unknown).toMatchObject({ status: 422, body: { code: 'case.unknown_assignee' } });
      const handed = await act(caseId, 'assign', who.manager, await current(caseId), {
        ownerId: 'A-2',
        reason: 'A-2 knows the till rota',
      });
      expect(handed).toMatchObject({ status: 200, body: { ownerId: 'A-2' } });
      const timeline = (await get(`/v1/cases/${caseId}`, who.admin)).body.timeline as Json[];
      expect(timeline.at(-1)?.text).toBe('M-42 assigned the case to A-2: A-2 knows the till rota');
    });
  });

  describe('cases follow their store in the directory', () => {
    const lead = { north: who.regionLead, south: token('RM-2', 'regional_manager') };
    const managers = {
      before: token('M-77', 'store_manager'),
      after: token('M-78', 'store_manager'),
    };
    const harbour = { name: 'Quay Road', timezone: 'Europe/Berlin' };
    let open: string;
    let closed: string;

    beforeAll(async () => {
      for (const [id, role] of [
        ['RM-2', 'regional_manager'],
        ['M-77', 'store_manager'],
        ['M-78', 'store_manager'],
      ] as const) {
        const person = { name: 'Staff Member', roles: [role], locale: 'en-GB' };
        expect((await call('PUT', `/v1/people/${id}`, who.admin, person)).status).toBe(200);
      }
      const south = { name: 'South', leadId: 'RM-2' };
      expect((await call('PUT', '/v1/regions/R-S', who.admin, south)).status).toBe(200);
      const before = { ...harbour, regionId: 'R-N', managerId: 'M-77' };
      expect((await call('PUT', '/v1/stores/S-077', who.admin, before)).status).toBe(200);
      await waitFor(
        async () =>
          (
            await app
              .get<DataSource>(READ_MODELS)
              .getRepository(StoreView)
              .findOneBy({ storeId: 'S-077' })
          )?.managerId === 'M-77',
        { what: 'S-077 in the directory view' },
      );
      open = await complain('C-77', 'queue', 'S-077');
      closed = await complain('C-78', 'queue', 'S-077');
      for (const caseId of [open, closed]) {
        await waitFor(async () => (await assignmentOf(caseId, managers.before)) !== undefined, {
          what: `case ${caseId} with M-77`,
        });
      }
      const resolve = { code: 'fixed', summary: 'done', customerMessage: 'Done.' };
      expect((await act(closed, 'resolve', who.admin, await current(closed), resolve)).status).toBe(
        200,
      );
      expect((await act(closed, 'close', who.admin, await current(closed))).status).toBe(200);
    });

    it('belong to the region lead and manager of the store as it is now, each move with its reason', async () => {
      expect((await get(`/v1/cases/${open}`, lead.north)).status).toBe(200);
      expect((await get(`/v1/cases/${open}`, lead.south)).status).toBe(404);
      const closedBefore = await store.readStream(caseStreamId(closed));

      const after = { ...harbour, regionId: 'R-S', managerId: 'M-78' };
      expect((await call('PUT', '/v1/stores/S-077', who.admin, after)).status).toBe(200);
      await waitFor(async () => (await assignmentOf(open, managers.after))?.ownerId === 'M-78', {
        what: "the open case in the new manager's assignments",
      });
      await waitFor(async () => (await get(`/v1/cases/${open}`, lead.south)).status === 200, {
        what: 'the open case for the new region lead',
      });

      const version = await current(open);
      for (const former of [lead.north, managers.before]) {
        expect((await get(`/v1/cases/${open}`, former)).status).toBe(404);
        expect((await act(open, 'notes', former, version, { text: 'still mine?' })).status).toBe(
          404,
        );
        expect(items(await get('/v1/cases', former)).map((c) => c.caseId)).not.toContain(open);
      }
      expect(await assignmentOf(open, managers.before)).toBeUndefined();
      expect(items(await get('/v1/cases?region=R-S', lead.south))).toEqual([
        expect.objectContaining({ caseId: open, regionId: 'R-S', ownerId: 'M-78' }),
      ]);
      expect(await timelineOf(open)).toEqual(
        expect.arrayContaining([
          'Heard moved the case from region R-N to region R-S: store S-077 moved from region R-N to region R-S',
          "Heard assigned the case to M-78: store S-077's manager changed from M-77 to M-78",
        ]),
      );
      const assigned = (await store.readStream(caseStreamId(open))).filter(
        (e) => e.type === 'CaseAssigned',
      );
      expect(assigned.at(-1)?.data).toMatchObject({
        assignedBy: { kind: 'directory', storeId: 'S-077' },
      });

      expect(await store.readStream(caseStreamId(closed))).toEqual(closedBefore);
      expect((await get(`/v1/cases/${closed}`, who.admin)).body).toMatchObject({
        status: 'closed',
        regionId: 'R-N',
        ownerId: 'M-77',
      });
    });
  });

  describe('assigning and escalating check scope first', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await complain('C-4', 'hygiene');
      await waitFor(async () => (await assignmentOf(caseId)) !== undefined, { what: 'a case' });
      // The SLA reactor appends SlaApplied after the assignment shows, and moves the version on.
      await waitFor(
        async () =>
          (await store.readStream(caseStreamId(caseId))).some((e) => e.type === 'SlaApplied'),
        { what: "the case's SLA applied" },
      );
    });

    it('answers 404 outside the scope whatever the assignee or escalation target', async () => {
      const version = await current(caseId);
      for (const body of [
        { ownerId: 'nobody' },
        { ownerId: 'A-2' },
        { ownerId: 'A-2', teamId: 'T-none' },
      ]) {
        const answer = await act(caseId, 'assign', who.otherManager, version, body);
        expect({ body, status: answer.status }).toEqual({ body, status: 404 });
      }
      for (const to of ['nobody', 'RM-1']) {
        const answer = await act(caseId, 'escalate', who.otherManager, version, {
          to,
          reason: 'why not',
        });
        expect({ to, status: answer.status }).toEqual({ to, status: 404 });
      }
      expect(await current(caseId)).toBe(version);
    });

    it('refuses an escalation to someone not in the directory with 422 naming `to`', async () => {
      const answer = await act(caseId, 'escalate', who.manager, await current(caseId), {
        to: 'nobody',
        reason: 'over my head',
      });
      expect(answer).toMatchObject({
        status: 422,
        body: {
          code: 'case.unknown_escalation_target',
          errors: [{ field: 'to', rule: 'case.unknown_escalation_target' }],
        },
      });
    });

    it('gives the person escalated to the case: they read it, work it and find it on their plate', async () => {
      expect((await get(`/v1/cases/${caseId}`, who.agent)).status).toBe(404);
      const escalated = await act(caseId, 'escalate', who.manager, await current(caseId), {
        to: 'A-1',
        reason: 'A-1 runs hygiene checks',
      });
      expect(escalated).toMatchObject({ status: 200, body: { escalationLevel: 1 } });

      expect((await get(`/v1/cases/${caseId}`, who.agent)).status).toBe(200);
      const noted = await act(caseId, 'notes', who.agent, await current(caseId), { text: 'on it' });
      expect(noted.status).toBe(200);
      await waitFor(async () => (await assignmentOf(caseId, who.agent)) !== undefined, {
        what: "the escalated case in the agent's assignments",
      });
      expect(items(await get('/v1/cases', who.agent)).map((c) => c.caseId)).toContain(caseId);
    });
  });

  describe("a customer's view of their case", () => {
    const customer = token('C-5', 'customer');
    const internal = {
      wait: 'Ask whether it was till 3 again',
      priority: 'Local press is asking about it',
      escalation: 'Regional budget needed for a second till',
      note: 'Till 3 keeps breaking',
      summary: 'Rota changed and till 3 replaced',
    };
    const INTERNAL_KEYS = [
      'ownerId',
      'teamId',
      'regionId',
      'priority',
      'escalationLevel',
      'customerId',
    ];
    let caseId: string;

    const expectNothingInternal = (body: unknown) => {
      const text = JSON.stringify(body);
      for (const value of [...Object.values(internal), 'M-42', 'RM-1', 'A-2']) {
        expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
      }
    };
    const expectNoInternalKeys = (body: Json) => {
      for (const key of INTERNAL_KEYS) expect(body).not.toHaveProperty(key);
    };

    beforeAll(async () => {
      caseId = await complain('C-5', 'service');
      await waitFor(async () => (await assignmentOf(caseId)) !== undefined, { what: "C-5's case" });
      const steps: [string, unknown][] = [
        ['await-customer', { reason: internal.wait }],
        ['resume', undefined],
        ['priority', { priority: 'urgent', reason: internal.priority }],
        ['escalate', { to: 'RM-1', reason: internal.escalation }],
        ['assign', { ownerId: 'A-2', reason: 'A-2 has the rota' }],
        ['notes', { text: internal.note }],
        ['replies', { text: 'We are looking into the tills.' }],
        [
          'resolve',
          {
            code: 'fixed',
            summary: internal.summary,
            customerMessage: 'A second till now opens at peak hours.',
          },
        ],
      ];
      for (const [action, body] of steps) {
        const answer = await act(caseId, action, who.admin, await current(caseId), body);
        expect({ action, status: answer.status }).toEqual({ action, status: 200 });
      }
    });

    it('holds none of the internal fields in GET /v1/cases/{id}', async () => {
      const seen = await get(`/v1/cases/${caseId}`, customer);
      expect(seen).toMatchObject({ status: 200, body: { caseId, status: 'resolved' } });
      expectNoInternalKeys(seen.body);
      expectNothingInternal(seen.body);
      const told = (seen.body.timeline as Json[]).map((e) => e.text);
      expect(told).toContain('Heard replied to the customer');
      expect((seen.body.timeline as Json[]).map((e) => e.detail)).toEqual(
        expect.arrayContaining([
          'We are looking into the tills.',
          'A second till now opens at peak hours.',
        ]),
      );
      const staff = await get(`/v1/cases/${caseId}`, who.admin);
      expect(JSON.stringify(staff.body)).toContain(internal.summary);
    });

    it('holds none of them in GET /v1/cases, in its own actions or in /v1/me/feedback', async () => {
      const listed = items(await get('/v1/cases', customer));
      expect(listed.map((c) => c.caseId)).toEqual([caseId]);
      listed.forEach(expectNoInternalKeys);
      expectNothingInternal(listed);

      const reopened = await act(caseId, 'reopen', customer, await current(caseId), {
        reason: 'Queue again',
      });
      expect(reopened).toMatchObject({ status: 200, body: { status: 'open' } });
      expectNoInternalKeys(reopened.body);

      let mine: Json[] = [];
      await waitFor(
        async () => {
          mine = items(await get('/v1/me/feedback', customer));
          return (mine[0]?.case as Json | null)?.status === 'open';
        },
        { what: "the reopened case in the customer's feedback" },
      );
      expect(Object.keys(mine[0].case as Json).sort()).toEqual(['caseId', 'replies', 'status']);
      expectNothingInternal(mine);
    });
  });

  it('walks a case through every action, each answered with the next ETag', async () => {
    const caseId = await complain('C-3');
    await waitFor(async () => (await assignmentOf(caseId)) !== undefined, {
      what: 'a third case',
    });
    const steps: [string, string, unknown, Json][] = [
      ['await-customer', who.manager, { reason: 'Which till?' }, { status: 'awaiting_customer' }],
      ['resume', who.manager, undefined, { status: 'open' }],
      ['priority', who.manager, { priority: 'high', reason: null }, { priority: 'high' }],
      ['category', who.manager, { category: 'staff' }, { category: 'staff' }],
      ['escalate', who.manager, { to: 'RM-1', reason: 'third time' }, { escalationLevel: 1 }],
      ['replies', who.manager, { text: 'We are on it.' }, { status: 'open' }],
      [
        'resolve',
        who.manager,
        { code: 'fixed', summary: 'rota changed', customerMessage: 'We changed the rota.' },
        { status: 'resolved' },
      ],
      ['close', who.manager, undefined, { status: 'closed' }],
    ];
    let version = Number(JSON.parse((await current(caseId)) as string));
    for (const [action, caller, body, expected] of steps) {
      const answer = await act(caseId, action, caller, `"${version}"`, body);
      expect({ action, status: answer.status, body: answer.body }).toMatchObject({
        action,
        status: 200,
        body: expected,
      });
      // Newer each time; Heard's SLA bookkeeping (a re-targeting) may add a version of its own.
      const next = Number(JSON.parse(answer.etag!));
      expect(answer.body.version).toBe(next);
      expect(next).toBeGreaterThan(version);
      version = next;
    }
    const customer = token('C-3', 'customer');
    const refused = await act(caseId, 'reopen', customer, `"${version}"`, { reason: 'no' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'case.closed' } });
  });

  it('documents an example for every field of every case request', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as OpenApiDocument;
    const refOf = (body: unknown) => JSON.stringify(body).match(/schemas\/(\w+)/)?.[1] ?? '';
    const bodies = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/cases/'))
      .flatMap(([, item]) => (item.post?.requestBody ? [refOf(item.post.requestBody)] : []));
    expect(bodies).toHaveLength(9);
    for (const name of bodies) {
      const missing = Object.entries(document.components.schemas[name]?.properties ?? {})
        .filter(([, property]) => property.example === undefined)
        .map(([field]) => `${name}.${field}`);
      expect(missing).toEqual([]);
    }
  });
});
