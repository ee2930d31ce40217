import { HeardConfig, loadConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';
import { noticeStreamId, youChangedThisNoticeId } from '@heard/loop';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenApiResponseValidator } from '../../../../test/support/openapi-response-validator';
import { createApp } from '../bootstrap';
import { EVENT_STORE } from '../platform/tokens';

jest.setTimeout(60_000);

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly location: string | null;
}

type Body = Record<string, unknown>;

const ADMIN = ['admin-1', 'cx_admin'] as const;
const RM = ['RM-1', 'regional_manager'] as const;
const M1 = ['M-1', 'store_manager'] as const;
const M2 = ['M-2', 'store_manager'] as const;
type Who = readonly [string, Role];

const proposal = (storeIds: string[], extra: Body = {}) => ({
  title: 'Second till at peak hours',
  description: 'Open a second till whenever more than four people queue',
  storeIds,
  categories: ['queue'],
  ...extra,
});

/** One app for the file; the tests build on each other in order. */
describe('improvements over HTTP (embedded SQLite)', () => {
  let dataDir: string;
  let config: HeardConfig;
  let app: INestApplication;
  let baseUrl: string;
  let contract: OpenApiResponseValidator;
  const feedbackIds: Record<string, string> = {};

  const tokenOf = ([sub, role]: Who) => signHs256({ sub, role }, config.jwtSecret as string);
  const call = async (
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    body?: unknown,
    who: Who = ADMIN,
  ): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokenOf(who)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return {
      status: response.status,
      body: JSON.parse(text) as Body,
      location: response.headers.get('location'),
    };
  };
  const ok = async (method: 'PUT' | 'POST', path: string, body: unknown, who: Who = ADMIN) => {
    const answer = await call(method, path, body, who);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({
      path,
      status:
        method === 'POST' && path === '/v1/improvements'
          ? 201
          : answer.status < 300
            ? answer.status
            : 200,
    });
    return answer.body;
  };
  const propose = async (storeIds: string[], who: Who, extra: Body = {}) => {
    const answer = await call('POST', '/v1/improvements', proposal(storeIds, extra), who);
    expect(answer.status).toBe(201);
    return answer.body.improvementId as string;
  };
  const store = () => app.get<EventStore>(EVENT_STORE);

  async function submit(label: string, storeId: string, text: string, customerId?: string) {
    const answer = await ok(
      'POST',
      '/v1/feedback',
      {
        kind: 'complaint',
        channel: 'store',
        storeId,
        category: label.startsWith('bread') ? 'product_quality' : 'queue',
        customer: customerId === undefined ? { consent: false } : { id: customerId, consent: true },
        text,
        occurredAt: '2026-11-20T10:00:00Z',
      },
      ['integration-1', 'integration'],
    );
    feedbackIds[label] = answer.feedbackId as string;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'heard-improvements-http-'));
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    contract = await OpenApiResponseValidator.of(baseUrl);
    const person = (role: Role) => ({ name: 'Mara Lind', roles: [role], locale: 'en' });
    for (const [path, body] of [
      ['/v1/people/RM-1', person('regional_manager')],
      ['/v1/people/M-1', person('store_manager')],
      ['/v1/people/M-2', person('store_manager')],
      ['/v1/people/A-1', person('agent')],
      ['/v1/regions/R-N', { name: 'North', leadId: 'RM-1' }],
      ['/v1/regions/R-S', { name: 'South' }],
      [
        '/v1/stores/S-1',
        { name: 'Harbour', regionId: 'R-N', timezone: 'Europe/Kyiv', managerId: 'M-1' },
      ],
      [
        '/v1/stores/S-2',
        { name: 'Market', regionId: 'R-N', timezone: 'Europe/Kyiv', managerId: 'M-2' },
      ],
      ['/v1/stores/S-3', { name: 'Bay', regionId: 'R-S', timezone: 'Europe/Kyiv' }],
    ] as const)
      expect({ path, status: (await call('PUT', path, body)).status }).toEqual({
        path,
        status: 200,
      });
    await submit('c1-a', 'S-1', 'Очередь на кассе двадцать минут', 'c-1');
    await submit('c1-b', 'S-1', 'Again a QUEUE of ten people', 'c-1');
    await submit('c2', 'S-2', 'The queue never moves', 'c-2');
    await submit('c3', 'S-3', 'queue at the bakery counter', 'c-3');
    await submit('anon', 'S-1', 'Черга біля каси, очередь', undefined);
    await submit('bread-c4', 'S-1', 'The bread was stale', 'c-4');
    const consent = (given: boolean) => ({
      channels: [{ channel: 'email', address: 'someone@example.com' }],
      locale: 'ru',
      consents: { you_changed_this: { given } },
    });
    await ok('PUT', '/v1/me/preferences', consent(true), ['c-1', 'customer']);
    await ok('PUT', '/v1/me/preferences', consent(false), ['c-2', 'customer']);
    await ok('PUT', '/v1/me/preferences', consent(true), ['c-4', 'customer']);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('proposing', () => {
    it('lets each manager propose for their own stores, cx_admin for any or all', async () => {
      const answer = await call('POST', '/v1/improvements', proposal(['S-1']), M1);
      expect(answer).toMatchObject({
        status: 201,
        location: `/v1/improvements/${answer.body.improvementId as string}`,
        body: {
          title: 'Second till at peak hours',
          status: 'proposed',
          owner: 'M-1',
          proposedBy: 'M-1',
          storeIds: ['S-1'],
          linkedFeedback: 0,
          linkedCustomers: 0,
          messages: null,
          version: 1,
        },
      });
      await propose(['S-1', 'S-2'], RM);
      await propose([], ADMIN);
    });

    it('refuses stores outside the caller’s, and every store to anyone but cx_admin', async () => {
      for (const [storeIds, who] of [
        [['S-2'], M1],
        [['S-1', 'S-3'], RM],
        [[], RM],
      ] as const) {
        const answer = await call('POST', '/v1/improvements', proposal([...storeIds]), who);
        expect(answer).toMatchObject({
          status: 403,
          body: { code: 'improvement.stores_out_of_scope', errors: [{ field: 'storeIds' }] },
        });
      }
    });

    it('refuses roles that do not own improvements', async () => {
      for (const who of [
        ['A-1', 'agent'],
        ['c-1', 'customer'],
        ['integration-1', 'integration'],
      ] as const)
        expect((await call('POST', '/v1/improvements', proposal(['S-1']), who)).status).toBe(403);
    });

    it('names the field and rule of bad input', async () => {
      const cases: [Body, string][] = [
        [proposal(['S-1'], { title: '   ' }), 'title'],
        [proposal(['S-1'], { title: 'x'.repeat(201) }), 'title'],
        [proposal(['S-1'], { description: 'x'.repeat(5001) }), 'description'],
        [proposal(['S-1'], { categories: ['Queue Time'] }), 'categories'],
        [proposal(['bad id!']), 'storeIds'],
        [proposal(['S-1'], { title: 'tab\u0007bell' }), 'title'],
        [proposal(['S-1'], { extra: true }), 'extra'],
      ];
      for (const [body, field] of cases) {
        const answer = await call('POST', '/v1/improvements', body, ADMIN);
        expect({ field, status: answer.status }).toEqual({ field, status: 400 });
        expect(JSON.stringify(answer.body.errors)).toContain(field);
      }
    });

    it('takes an owner only if the directory knows them as a manager', async () => {
      const owned = await call('POST', '/v1/improvements', proposal(['S-1'], { owner: 'M-1' }), RM);
      expect(owned).toMatchObject({ status: 201, body: { owner: 'M-1', proposedBy: 'RM-1' } });
      for (const owner of ['nobody', 'A-1'])
        expect(
          await call('POST', '/v1/improvements', proposal(['S-1'], { owner }), RM),
        ).toMatchObject({
          status: 422,
          body: { code: 'improvement.owner_unknown', errors: [{ field: 'owner' }] },
        });
    });
  });

  describe('reading', () => {
    it('lists what each caller may see, newest first, page by page', async () => {
      await waitFor(
        async () => ((await call('GET', '/v1/improvements')).body.items as unknown[]).length === 4,
        { timeoutMs: 10_000, what: 'the improvement list' },
      );
      const titlesOf = async (who: Who, query = '') =>
        ((await call('GET', `/v1/improvements${query}`, undefined, who)).body.items as Body[]).map(
          (i) => [i.proposedBy, i.storeIds],
        );
      expect(await titlesOf(M1)).toEqual([
        ['RM-1', ['S-1']],
        ['RM-1', ['S-1', 'S-2']],
        ['M-1', ['S-1']],
      ]);
      expect(await titlesOf(M2)).toEqual([['RM-1', ['S-1', 'S-2']]]);
      expect(await titlesOf(ADMIN, '?store=S-2')).toEqual([['RM-1', ['S-1', 'S-2']]]);
      const first = await call('GET', '/v1/improvements?limit=3');
      expect((first.body.items as unknown[]).length).toBe(3);
      const next = await call(
        'GET',
        `/v1/improvements?limit=3&cursor=${first.body.nextCursor as string}`,
      );
      expect(next.body).toMatchObject({ items: [{ proposedBy: 'M-1' }], nextCursor: null });
      expect(await call('GET', '/v1/improvements?cursor=nonsense')).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'cursor' }] },
      });
      expect((await call('GET', '/v1/improvements?status=done')).status).toBe(400);
      expect((await call('GET', '/v1/improvements?limit=0')).status).toBe(400);
    });

    it('reads one from its stream, and hides one the caller may not see', async () => {
      const id = await propose(['S-1'], M1);
      expect(await call('GET', `/v1/improvements/${id}`, undefined, M1)).toMatchObject({
        status: 200,
        body: { improvementId: id, status: 'proposed' },
      });
      expect(await call('GET', `/v1/improvements/${id}`, undefined, M2)).toMatchObject({
        status: 404,
        body: { code: 'improvement.not_found' },
      });
      expect((await call('GET', '/v1/improvements/no-such-thing')).status).toBe(404);
    });
  });

  describe('linking feedback', () => {
    let regional: string;
    const queueWords = { categories: ['queue'], words: ['очередь', 'queue'] };

    beforeAll(async () => {
      regional = await propose(['S-1', 'S-2'], RM);
      // Criteria match the customer-feedback read model: wait until it holds every item.
      await waitFor(
        async () =>
          (
            await call(
              'POST',
              `/v1/improvements/${regional}/links/preview`,
              { criteria: { kinds: ['complaint'] } },
              RM,
            )
          ).body.feedbackItems === 5,
        { timeoutMs: 10_000, what: 'the feedback read model' },
      );
    });

    it('previews what criteria match, within the caller’s stores, linking nothing', async () => {
      const preview = (criteria: Body, who: Who = RM) =>
        call('POST', `/v1/improvements/${regional}/links/preview`, { criteria }, who);
      // S-3 is not RM-1's; the anonymous item counts but has no customer; bread is not queue.
      expect((await preview(queueWords)).body).toEqual({
        feedbackItems: 4,
        customers: 2,
        anonymous: 1,
        alreadyLinked: 0,
      });
      expect((await preview({ words: ['ОЧЕРЕДЬ'] })).body).toMatchObject({ feedbackItems: 2 });
      expect((await preview({ regions: ['R-S'] })).body).toMatchObject({ feedbackItems: 0 });
      expect((await preview({ regions: ['R-S'] }, ADMIN)).body).toMatchObject({ feedbackItems: 1 });
      expect((await preview({ storeIds: ['S-2'], channels: ['store'] })).body).toMatchObject({
        feedbackItems: 1,
        customers: 1,
      });
      expect((await preview({ from: '2026-11-21T00:00:00Z' })).body).toMatchObject({
        feedbackItems: 0,
      });
      expect((await call('GET', `/v1/improvements/${regional}`)).body).toMatchObject({
        linkedFeedback: 0,
      });
    });

    it('links what matches once: the same request again links nothing', async () => {
      const first = await call(
        'POST',
        `/v1/improvements/${regional}/links`,
        { criteria: queueWords },
        RM,
      );
      expect(first).toMatchObject({
        status: 200,
        body: {
          feedbackItems: 4,
          customers: 2,
          linked: 4,
          alreadyLinked: 0,
          improvement: { linkedFeedback: 4, linkedCustomers: 2 },
        },
      });
      const again = await call(
        'POST',
        `/v1/improvements/${regional}/links`,
        { criteria: queueWords },
        RM,
      );
      expect(again.body).toMatchObject({
        linked: 0,
        alreadyLinked: 4,
        improvement: {
          version: (first.body.improvement as Body).version,
        },
      });
    });

    it('links by feedback id and by case id, only what the caller may see', async () => {
      const own = await propose(['S-1'], M1);
      expect(
        (
          await call(
            'POST',
            `/v1/improvements/${own}/links`,
            { caseIds: [feedbackIds['bread-c4']] },
            M1,
          )
        ).body,
      ).toMatchObject({ linked: 1, customers: 1 });
      expect(
        (
          await call(
            'POST',
            `/v1/improvements/${own}/links`,
            { feedbackIds: [feedbackIds['c1-a'], feedbackIds['bread-c4']] },
            M1,
          )
        ).body,
      ).toMatchObject({ linked: 1, alreadyLinked: 1, improvement: { linkedFeedback: 2 } });
      for (const body of [
        { feedbackIds: [feedbackIds['c1-a'], feedbackIds.c2] },
        { feedbackIds: ['no-such-feedback'] },
        { caseIds: [feedbackIds.c3] },
      ])
        expect(await call('POST', `/v1/improvements/${own}/links/preview`, body, M1)).toMatchObject(
          {
            status: 422,
            body: { code: 'improvement.feedback_not_found' },
          },
        );
      expect(
        (await call('POST', `/v1/improvements/${own}/links`, { feedbackIds: [feedbackIds.c2] }, M1))
          .body,
      ).toMatchObject({
        errors: [{ field: 'feedbackIds[0]' }],
      });
    });

    it('lets only those who may change it link to it', async () => {
      expect(
        await call('POST', `/v1/improvements/${regional}/links`, { criteria: queueWords }, M2),
      ).toMatchObject({
        status: 403,
        body: { code: 'improvement.forbidden' },
      });
    });

    it('refuses a request that names nothing, or criteria that do not narrow', async () => {
      const cases: [Body, string][] = [
        [{}, 'body'],
        [{ feedbackIds: [] }, 'body'],
        [{ criteria: {} }, 'criteria'],
        [{ criteria: { words: [] } }, 'criteria'],
        [{ criteria: { from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' } }, 'criteria.to'],
        [{ criteria: { words: ['q'] } }, 'criteria.words'],
        [{ criteria: { channels: ['pigeon'] } }, 'criteria.channels'],
        [{ criteria: { from: 'yesterday' } }, 'criteria.from'],
        [{ feedbackIds: Array.from({ length: 1001 }, (_, i) => `f-${i}`) }, 'feedbackIds'],
      ];
      for (const [body, field] of cases)
        for (const path of ['links', 'links/preview']) {
          const answer = await call('POST', `/v1/improvements/${regional}/${path}`, body, RM);
          expect({ field, path, status: answer.status }).toEqual({ field, path, status: 400 });
          expect((answer.body.errors as { field: string }[])[0].field).toBe(field);
        }
    });
  });

  describe('start, ship and cancel', () => {
    it('goes proposed → started → shipped, and tells the consenting customers', async () => {
      const id = await propose(['S-1', 'S-2'], RM);
      await ok(
        'POST',
        `/v1/improvements/${id}/links`,
        { criteria: { categories: ['queue'], storeIds: ['S-1', 'S-2'] } },
        RM,
      );
      expect(await call('POST', `/v1/improvements/${id}/start`, undefined, M1)).toMatchObject({
        status: 403,
      });
      expect(await call('POST', `/v1/improvements/${id}/start`, undefined, RM)).toMatchObject({
        status: 200,
        body: { status: 'started', startedAt: expect.any(String) },
      });
      expect((await call('POST', `/v1/improvements/${id}/start`, undefined, RM)).status).toBe(200);
      expect(
        await call('POST', `/v1/improvements/${id}/ship`, { messages: { ru: 'Вторая касса' } }, RM),
      ).toMatchObject({
        status: 400,
        body: {
          errors: expect.arrayContaining([expect.objectContaining({ field: 'messages.en' })]),
        },
      });
      expect(
        (await call('POST', `/v1/improvements/${id}/ship`, { messages: { en: 'x', de: 'y' } }, RM))
          .status,
      ).toBe(400);
      const messages = { en: 'A second till opens at peak hours', ru: 'Вторая касса при очереди' };
      expect(await call('POST', `/v1/improvements/${id}/ship`, { messages }, RM)).toMatchObject({
        status: 200,
        body: { status: 'shipped', messages, shippedAt: expect.any(String) },
      });
      expect((await call('POST', `/v1/improvements/${id}/ship`, { messages }, RM)).status).toBe(
        200,
      );
      for (const [path, body] of [
        ['start', undefined],
        ['cancel', {}],
        ['ship', { messages: { en: 'Something else' } }],
      ] as const)
        expect(await call('POST', `/v1/improvements/${id}/${path}`, body, RM)).toMatchObject({
          status: 409,
          body: { code: 'improvement.shipped' },
        });
      // c-1 consented, c-2 did not, the anonymous item has nobody.
      const notice = noticeStreamId(youChangedThisNoticeId('c-1', id));
      await waitFor(async () => (await store().readStream(notice)).length === 1, {
        timeoutMs: 15_000,
        what: 'the notice to c-1',
      });
      const [scheduled] = await store().readStream(notice);
      expect(scheduled.data).toMatchObject({
        kind: 'you_changed_this',
        recipient: { customerId: 'c-1' },
        refs: {
          improvementId: id,
          feedbackIds: expect.arrayContaining([feedbackIds['c1-a'], feedbackIds['c1-b']]),
        },
        channel: 'email',
      });
      expect(await store().readStream(noticeStreamId(youChangedThisNoticeId('c-2', id)))).toEqual(
        [],
      );
      // Linked after shipping: c-4 consented and is told when linked.
      await ok(
        'POST',
        `/v1/improvements/${id}/links`,
        { feedbackIds: [feedbackIds['bread-c4']] },
        RM,
      );
      await waitFor(
        async () =>
          (await store().readStream(noticeStreamId(youChangedThisNoticeId('c-4', id)))).length ===
          1,
        { timeoutMs: 15_000, what: 'the notice to c-4' },
      );
    });

    it('cancels: nothing more can happen to it', async () => {
      const id = await propose(['S-1'], M1);
      expect(
        await call('POST', `/v1/improvements/${id}/cancel`, { reason: 'No budget' }, M1),
      ).toMatchObject({
        status: 200,
        body: { status: 'cancelled', cancelReason: 'No budget' },
      });
      expect((await call('POST', `/v1/improvements/${id}/cancel`, {}, M1)).status).toBe(200);
      for (const [path, body] of [
        ['start', undefined],
        ['ship', { messages: { en: 'Done' } }],
        ['links', { feedbackIds: [feedbackIds['c1-a']] }],
      ] as const)
        expect(await call('POST', `/v1/improvements/${id}/${path}`, body, M1)).toMatchObject({
          status: 409,
          body: { code: 'improvement.cancelled' },
        });
      expect(
        (await call('POST', `/v1/improvements/${id}/cancel`, { reason: ' ' }, M1)).status,
      ).toBe(400);
    });

    it('links the feedback of a case resolved naming it', async () => {
      const id = await propose(['S-3'], ADMIN);
      const caseId = feedbackIds.c3;
      const resolve = async (improvementId: string) => {
        const current = await fetch(`${baseUrl}/v1/cases/${caseId}`, {
          headers: { authorization: `Bearer ${tokenOf(ADMIN)}` },
        });
        const response = await fetch(`${baseUrl}/v1/cases/${caseId}/resolve`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokenOf(ADMIN)}`,
            'content-type': 'application/json',
            'if-match': current.headers.get('etag') as string,
          },
          body: JSON.stringify({
            code: 'fixed',
            summary: 'A second till',
            customerMessage: 'A second till now opens at peak hours.',
            improvementId,
          }),
        });
        return { status: response.status, body: (await response.json()) as Body };
      };
      expect(await resolve('no-such-improvement')).toMatchObject({
        status: 422,
        body: { code: 'case.improvement_unknown', errors: [{ field: 'improvementId' }] },
      });
      const cancelled = await propose(['S-3'], ADMIN);
      await ok('POST', `/v1/improvements/${cancelled}/cancel`, {});
      expect(await resolve(cancelled)).toMatchObject({
        status: 422,
        body: { code: 'case.improvement_cancelled' },
      });
      expect((await resolve(id)).status).toBe(200);
      await waitFor(
        async () => (await call('GET', `/v1/improvements/${id}`)).body.linkedFeedback === 1,
        { timeoutMs: 15_000, what: 'the case’s feedback linked' },
      );
      const linked = (await store().readStream(`improvement-${id}`)).find(
        (e) => e.type === 'FeedbackLinked',
      );
      expect(linked?.data).toMatchObject({ caseId, feedbackIds: [caseId], customerIds: ['c-3'] });
    });

    it('answers 404 for a change to an improvement the caller cannot see', async () => {
      const id = await propose(['S-1'], M1);
      expect((await call('POST', `/v1/improvements/${id}/start`, undefined, M2)).status).toBe(404);
      expect(
        (await call('POST', `/v1/improvements/no-such/ship`, { messages: { en: 'x' } })).status,
      ).toBe(404);
    });
  });
});
