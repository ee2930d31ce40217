import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { feedbackStreamId } from '@heard/feedback';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { putStore } from '@heard/directory';
import { StoreView } from '@heard/directory/read-models';
import { putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { EVENT_STORE, READ_MODELS } from '../platform/tokens';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;

describe('intake over HTTP (embedded SQLite, projections in-process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-intake-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
  let app: INestApplication;
  let base: string;
  let store: EventStore;
  /** Every answer below is checked against the document the app serves. */
  let contract: OpenApiResponseValidator;

  const token = (sub: string, role: Role) => signHs256({ sub, role }, config.jwtSecret!);
  const integration = token('pos-bridge', 'integration');
  const admin = token('admin-1', 'cx_admin');

  async function call(
    method: string,
    path: string,
    auth: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${auth}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : raw,
    });
    const text = await response.text();
    contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as Json,
    };
  }
  const post = (path: string, auth: string, body: unknown, headers?: Record<string, string>) =>
    call('POST', path, auth, body, headers);
  /**
   * The problem+json body. Its Content-Type is not checked: Nest 11's Express adapter resets an
   * error reply's Content-Type to application/json (reported to the owner of libs/http).
   */
  const expectProblem = (answer: { status: number; body: Json }, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({
      type: expect.stringMatching(/^https:\/\/heard\.dev\/problems\//),
      status,
    });
  };
  const received = async (feedbackId: string) =>
    (await store.readStream(feedbackStreamId(feedbackId))).filter(
      (e) => e.type === 'FeedbackReceived',
    ).length;

  const review = {
    kind: 'review',
    channel: 'app',
    storeId: 'S-042',
    customer: { id: 'C-1', email: 'olena@example.com', consent: true },
    rating: 2,
    text: 'Хліб черствий, касир грубий 😞🍞 — ещё и очередь!',
    language: 'uk',
  };

  beforeAll(async () => {
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
    contract = await OpenApiResponseValidator.of(base);
    store = app.get(EVENT_STORE);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts feedback with 202, its id and a Location that can be followed at once', async () => {
    const answer = await post('/v1/feedback', integration, review);
    expect(answer.status).toBe(202);
    const feedbackId = answer.body.feedbackId as string;
    expect(answer.body).toEqual({
      feedbackId,
      status: 'accepted',
      links: { self: `/v1/feedback/${feedbackId}` },
    });
    expect(answer.headers.get('location')).toBe(`/v1/feedback/${feedbackId}`);

    const read = await call('GET', `/v1/feedback/${feedbackId}`, admin);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      feedbackId,
      text: review.text,
      rating: 2,
      triage: { sentiment: 'negative', needsCase: true },
    });
    expect(await call('GET', `/v1/feedback/${feedbackId}`, integration)).toMatchObject({
      status: 200,
    });
    const stranger = token('crm', 'integration');
    expect((await call('GET', `/v1/feedback/${feedbackId}`, stranger)).status).toBe(404);
    expect((await call('GET', `/v1/feedback/${feedbackId}`, token('C-2', 'customer'))).status).toBe(
      404,
    );
  });

  it('answers a repeated Idempotency-Key with the same id and writes nothing new', async () => {
    const key = { 'idempotency-key': 'retry-me-1' };
    const first = await post('/v1/feedback', integration, review, key);
    const again = await post('/v1/feedback', integration, review, key);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ feedbackId: first.body.feedbackId, status: 'duplicate' });
    expect(await received(first.body.feedbackId as string)).toBe(1);

    const changed = await post('/v1/feedback', integration, { ...review, rating: 1 }, key);
    expectProblem(changed, 422);
    expect(changed.body.detail).toBe('Idempotency-Key reused with a different request');
  });

  it('answers a repeated source pair from the same integration with the first id', async () => {
    const sourced = { ...review, source: { system: 'pos', externalId: 'receipt-77' } };
    const first = await post('/v1/feedback', integration, sourced);
    const again = await post('/v1/feedback', integration, sourced);
    expect(first.body.status).toBe('accepted');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ feedbackId: first.body.feedbackId, status: 'duplicate' });
    expect(await received(first.body.feedbackId as string)).toBe(1);
    const changed = await post('/v1/feedback', integration, { ...sourced, rating: 1 });
    expectProblem(changed, 422);
    expect(changed.body.errors).toEqual([
      expect.objectContaining({ field: 'source.externalId', rule: 'feedback.source_reused' }),
    ]);
  });

  it("keeps one integration's source pair apart from another's, and the answers say nothing of it", async () => {
    const pair = { system: 'pos', externalId: 'receipt-78' };
    const first = await post('/v1/feedback', integration, { ...review, source: pair });
    const crm = token('crm', 'integration');
    // The same pair with other content: for crm it is a new item, answered as if A had none.
    const other = await post('/v1/feedback', crm, { ...review, rating: 1, source: pair });
    const fresh = await post('/v1/feedback', crm, {
      ...review,
      rating: 1,
      source: { ...pair, externalId: 'receipt-never-sent' },
    });
    expect(other.status).toBe(202);
    expect(other.body.status).toBe('accepted');
    expect(other.body.feedbackId).not.toBe(first.body.feedbackId);
    expect(Object.keys(other.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(fresh.body.status).toBe('accepted');
    expect((await call('GET', `/v1/feedback/${first.body.feedbackId}`, crm)).status).toBe(404);
    const batch = await post('/v1/feedback/batch', crm, [{ ...review, rating: 1, source: pair }]);
    expect(batch.body.results).toEqual([
      { index: 0, status: 'duplicate', feedbackId: other.body.feedbackId },
    ]);
    const imported = await post('/v1/feedback', admin, { ...review, source: pair });
    expect(imported.body.status).toBe('accepted');
    expect([first.body.feedbackId, other.body.feedbackId]).not.toContain(imported.body.feedbackId);
  });

  it.each<[string, Role]>([
    ['a store manager', 'store_manager'],
    ['a regional manager', 'regional_manager'],
    ['an agent', 'agent'],
    ['a customer', 'customer'],
  ])('refuses source from %s with 403 naming source, taken or not', async (_who, role) => {
    const caller = token('M-42', role);
    const body = { ...review, customer: { consent: false } };
    const taken = { ...body, source: { system: 'pos', externalId: 'receipt-77' } };
    const free = { ...body, source: { system: 'pos', externalId: 'receipt-free' } };
    const answers = [
      await post('/v1/feedback', caller, taken),
      await post('/v1/feedback', caller, free),
    ];
    for (const answer of answers) {
      expectProblem(answer, 403);
      expect(answer.body).toMatchObject({ code: 'feedback.source_not_allowed' });
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'source' })]);
    }
    expect(answers[0].body).toEqual(answers[1].body);
    if (role === 'customer') return;
    const batch = await post('/v1/feedback/batch', caller, [taken, body]);
    expect(batch.body.results).toEqual([
      {
        index: 0,
        status: 'rejected',
        errors: [expect.objectContaining({ field: 'source', rule: 'feedback.source_not_allowed' })],
      },
      expect.objectContaining({ index: 1, status: 'accepted' }),
    ]);
  });

  it.each<[string, unknown, string, string]>([
    ['an unknown kind', { ...review, kind: 'rant' }, 'kind', 'isIn'],
    ['a rating of 6', { ...review, rating: 6 }, 'rating', 'max'],
    ['a rating as text', { ...review, rating: 'five' }, 'rating', 'isInt'],
    ['a review without rating', { ...review, rating: undefined }, 'rating', 'isDefined'],
    ['a survey without nps', { ...review, kind: 'survey' }, 'nps', 'isDefined'],
    ['a customer that is a number', { ...review, customer: 7 }, 'customer', 'isObject'],
    ['an unknown field', { ...review, mood: 'sad' }, 'mood', 'whitelistValidation'],
    ['too long a text', { ...review, text: 'я'.repeat(5001) }, 'text', 'isLength'],
    [
      'a future time',
      { ...review, occurredAt: '2099-01-01T00:00:00Z' },
      'occurredAt',
      'notInFuture',
    ],
    [
      'anonymous feedback claiming consent',
      { kind: 'complaint', channel: 'web', customer: { consent: true } },
      'customer.consent',
      'consentNeedsContact',
    ],
    ['a body that is a list', [review], 'kind', 'isIn'],
  ])('answers %s with 400 naming the field and rule', async (_label, body, field, rule) => {
    const answer = await post('/v1/feedback', integration, body);
    expectProblem(answer, 400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
  });

  it('answers malformed JSON and a bad Idempotency-Key with 400, never 5xx', async () => {
    const malformed = await post('/v1/feedback', integration, '{"kind": "review",');
    expectProblem(malformed, 400);
    const badKey = await post('/v1/feedback', integration, review, {
      'idempotency-key': 'k'.repeat(201),
    });
    expectProblem(badKey, 400);
    expect(badKey.body.errors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', rule: 'idempotencyKey' }),
    ]);
    const batchMalformed = await post('/v1/feedback/batch', integration, '[{"kind": ');
    expectProblem(batchMalformed, 400);
  });

  it("lets a store manager read its stores' feedback and no other", async () => {
    await seedDirectory(store);
    await putStore(store, putStoreCommand({ storeId: 'S-042', managerId: 'M-42' }));
    const readModels = app.get<DataSource>(READ_MODELS);
    await waitFor(
      async () => (await readModels.getRepository(StoreView).countBy({ storeId: 'S-042' })) === 1,
      {
        what: 'the directory store view',
      },
    );
    const manager = token('M-42', 'store_manager');
    const ours = await post('/v1/feedback', integration, review);
    const theirs = await post('/v1/feedback', integration, { ...review, storeId: 'S-001' });
    expect((await call('GET', `/v1/feedback/${ours.body.feedbackId}`, manager)).status).toBe(200);
    expect((await call('GET', `/v1/feedback/${theirs.body.feedbackId}`, manager)).status).toBe(404);
  });

  it('lets a customer submit only as itself', async () => {
    const olena = token('C-1', 'customer');
    const own = await post('/v1/feedback', olena, { ...review, customer: { consent: true } });
    expect(own.status).toBe(202);
    const forOther = await post('/v1/feedback', olena, {
      ...review,
      customer: { id: 'C-2', consent: true },
    });
    expect(forOther.status).toBe(403);
    expect((await post('/v1/feedback/batch', olena, [review])).status).toBe(403);
  });

  it('answers a JSON batch item by item: accepted, duplicate and rejected', async () => {
    const item = (externalId: string, extra: Json = {}) => ({
      ...review,
      source: { system: 'app-reviews', externalId },
      ...extra,
    });
    const answer = await post('/v1/feedback/batch', integration, {
      items: [item('b-1'), item('b-2', { rating: 9 }), item('b-1'), 'not an item', item('b-3')],
    });
    expect(answer.status).toBe(200);
    const results = answer.body.results as Json[];
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status).sort()).toEqual(
      ['accepted', 'accepted', 'duplicate', 'rejected', 'rejected'].sort(),
    );
    expect(results[1]).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ field: 'rating', rule: 'max' })],
    });
    expect(results[3]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'item', rule: 'isObject' }],
    });
    expect(results[0].feedbackId).toBe(results[2].feedbackId);
    expect(await received(results[0].feedbackId as string)).toBe(1);
    expect(answer.body.counts).toEqual({ accepted: 2, duplicate: 1, rejected: 2 });
  });

  it('reads an NDJSON batch, rejecting only the broken lines', async () => {
    const lines = [
      JSON.stringify({ ...review, source: { system: 'nd', externalId: '1' } }),
      '{"kind": "review", oops',
      '',
      JSON.stringify({ ...review, source: { system: 'nd', externalId: '1' } }),
      JSON.stringify({ ...review, customer: { consent: 'yes' } }),
    ].join('\n');
    const answer = await post('/v1/feedback/batch', integration, lines, {
      'content-type': 'application/x-ndjson',
    });
    expect(answer.status).toBe(200);
    const results = answer.body.results as Json[];
    expect(results.map((r) => r.status)).toHaveLength(4);
    expect(results[1]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'item', rule: 'json' }],
    });
    expect([results[0].status, results[2].status].sort()).toEqual(['accepted', 'duplicate']);
    expect(results[3]).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ field: 'customer.consent', rule: 'isBoolean' })],
    });
  });

  it('refuses 10,001 items with 413 and writes none of them', async () => {
    const item = { kind: 'praise', channel: 'web', customer: { consent: false }, text: 'дякую' };
    const receipts = async () =>
      (await store.readAll({ limit: 100_000 })).filter((e) => e.type === 'FeedbackReceived').length;
    const before = await receipts();
    const answer = await post('/v1/feedback/batch', integration, {
      items: Array(10_001).fill(item),
    });
    expectProblem(answer, 413);
    expect(await receipts()).toBe(before);
    const xml = await post('/v1/feedback/batch', integration, '<items/>', {
      'content-type': 'application/xml',
    });
    expectProblem(xml, 415);
  });

  it('shows a customer only its own feedback in /v1/me/feedback, text unchanged', async () => {
    const mine = token('C-9', 'customer');
    const theirs = token('C-10', 'customer');
    const texts = ['Перший відгук 🙂', 'Второй отзыв 👍🏽', 'Третій 👨‍👩‍👧'];
    const ids: string[] = [];
    for (const text of texts) {
      const answer = await post('/v1/feedback', mine, {
        kind: 'praise',
        channel: 'app',
        customer: { consent: true },
        text,
      });
      ids.push(answer.body.feedbackId as string);
    }
    await post('/v1/feedback', theirs, {
      kind: 'complaint',
      channel: 'app',
      customer: { consent: true },
      text: 'not yours',
    });
    let page: Json = {};
    await waitFor(
      async () => {
        page = (await call('GET', '/v1/me/feedback?limit=2', mine)).body;
        return (page.items as Json[]).length === 2 && page.nextCursor !== null;
      },
      { what: 'the customer feedback read model' },
    );
    const next = await call(
      'GET',
      `/v1/me/feedback?limit=2&cursor=${encodeURIComponent(page.nextCursor as string)}`,
      mine,
    );
    const items = [...(page.items as Json[]), ...(next.body.items as Json[])];
    expect(items.map((i) => i.feedbackId)).toEqual([...ids].reverse());
    expect(items.map((i) => i.text)).toEqual([...texts].reverse());
    expect(next.body.nextCursor).toBeNull();
    expect((await call('GET', '/v1/me/feedback', admin)).status).toBe(403);
    expect((await call('GET', '/v1/me/feedback?cursor=nope', mine)).status).toBe(400);
    expect((await call('GET', '/v1/me/feedback?limit=1000', mine)).status).toBe(400);
  });

  it('documents every request with an example in OpenAPI', async () => {
    const response = await fetch(`${base}/docs-json`);
    const document = (await response.json()) as {
      components: { schemas: Record<string, { properties?: Record<string, Json> }> };
    };
    for (const name of [
      'FeedbackRequestDto',
      'CustomerRequestDto',
      'FactorScoreRequestDto',
      'SourceRequestDto',
    ]) {
      const properties = document.components.schemas[name].properties ?? {};
      for (const [field, schema] of Object.entries(properties)) {
        expect([
          name,
          field,
          schema.example ?? ('$ref' in schema || 'allOf' in schema ? 'nested' : undefined),
        ]).not.toContain(undefined);
      }
    }
  });
});
