import { waitFor } from '@heard/event-store/testing';
import {
  embeddedDeployment,
  embeddedOnExpress,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';

interface CaseSummary {
  caseId: string;
  status: string;
  ownerId: string | null;
  storeId: string | null;
  version: number;
}
interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}
interface MyFeedback {
  items: {
    feedbackId: string;
    case: { caseId: string; status: string; replies: { text: string }[] } | null;
  }[];
}

/** The whole loop over HTTP: a complaint in, the store's manager works it, the customer sees the answer. */
describe.each([embeddedDeployment, postgresDeployment, embeddedOnExpress])(
  'complaint to resolution on $name',
  (deployment) => {
    let heard: HeardUnderTest;

    beforeAll(async () => {
      heard = await startHeard(deployment);
      const admin = heard.as('admin-1', 'cx_admin');
      const put = async (path: string, body: unknown) =>
        expect((await admin.put(path, body)).status).toBe(200);
      await put('/v1/people/RM-1', {
        name: 'Olena Kovalenko',
        roles: ['regional_manager'],
        locale: 'uk-UA',
      });
      await put('/v1/people/M-42', {
        name: 'Anna Petrova',
        roles: ['store_manager'],
        locale: 'ru-RU',
      });
      await put('/v1/people/M-7', {
        name: 'Other Manager',
        roles: ['store_manager'],
        locale: 'en-GB',
      });
      await put('/v1/regions/R-SOUTH', { name: 'South', leadId: 'RM-1' });
      await put('/v1/stores/S-042', {
        name: 'Odesa Privoz',
        regionId: 'R-SOUTH',
        timezone: 'Europe/Kyiv',
        managerId: 'M-42',
      });
      await put('/v1/stores/S-007', {
        name: 'Odesa Center',
        regionId: 'R-SOUTH',
        timezone: 'Europe/Kyiv',
        managerId: 'M-7',
      });
    }, 60_000);

    afterAll(async () => {
      await heard?.close();
    });

    it('opens a case for a complaint, assigns it to the store manager, and tells the customer the resolution', async () => {
      const customer = heard.as('C-1', 'customer');
      const manager = heard.as('M-42', 'store_manager');
      const submitted = await customer.post<{ feedbackId: string; status: string }>(
        '/v1/feedback',
        {
          kind: 'complaint',
          channel: 'store',
          storeId: 'S-042',
          customer: { id: 'C-1', consent: true },
          text: 'Очередь на кассе 25 минут, работала одна касса 😡',
          language: 'ru',
        },
      );
      expect(submitted.status).toBe(202);
      expect(submitted.body.status).toBe('accepted');
      const feedbackId = submitted.body.feedbackId;

      let assigned: CaseSummary | undefined;
      await waitFor(
        async () => {
          const page = await manager.get<CasePage>('/v1/me/assignments');
          assigned = page.body.items?.find((c) => c.ownerId === 'M-42' && c.storeId === 'S-042');
          return assigned !== undefined;
        },
        { timeoutMs: 15_000, what: "the case in the store manager's assignments" },
      );
      const caseId = assigned!.caseId;
      expect((await heard.as('M-7', 'store_manager').get(`/v1/cases/${caseId}`)).status).toBe(404);

      const current = await manager.get<CaseSummary>(`/v1/cases/${caseId}`);
      expect(current.status).toBe(200);
      const etag = current.headers.get('etag');
      expect(etag).toBe(`"${current.body.version}"`);

      const acknowledged = await manager.post<CaseSummary>(
        `/v1/cases/${caseId}/acknowledge`,
        {},
        { 'if-match': etag! },
      );
      expect(acknowledged.status).toBe(200);
      const stale = await manager.post<{ status: number; currentVersion: number }>(
        `/v1/cases/${caseId}/acknowledge`,
        {},
        { 'if-match': etag! },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(acknowledged.body.version);

      const resolved = await manager.post<CaseSummary>(
        `/v1/cases/${caseId}/resolve`,
        {
          code: 'fixed',
          summary: 'second till opened at peak hours',
          customerMessage: 'We now open a second till at peak hours.',
        },
        { 'if-match': `"${acknowledged.body.version}"` },
      );
      expect(resolved.status).toBe(200);
      expect(resolved.body.status).toBe('resolved');

      await waitFor(
        async () => {
          const mine = await customer.get<MyFeedback>('/v1/me/feedback');
          const item = mine.body.items?.find((f) => f.feedbackId === feedbackId);
          return (
            item?.case?.status === 'resolved' &&
            item.case.replies.some((r) => r.text.includes('second till'))
          );
        },
        { timeoutMs: 15_000, what: 'the customer seeing the resolution' },
      );
      const someoneElse = await heard.as('C-2', 'customer').get<MyFeedback>('/v1/me/feedback');
      expect(someoneElse.body.items.find((f) => f.feedbackId === feedbackId)).toBeUndefined();
    }, 60_000);

    it('answers bad input with problem details naming the field and the rule, never a 5xx', async () => {
      const answer = await heard
        .as('pos-1', 'integration')
        .post<{ status: number; errors: { field: string; rule: string }[] }>('/v1/feedback', {
          kind: 'review',
          channel: 'carrier pigeon',
          rating: 9,
        });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.errors.map((e) => e.field)).toEqual(
        expect.arrayContaining(['channel', 'rating']),
      );
    });

    it('answers a body that is not JSON with problem details, and serves the OpenAPI document', async () => {
      const answer = await fetch(`${heard.url}/v1/feedback`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${heard.as('pos-1', 'integration').token}`,
          'content-type': 'application/json',
        },
        body: '{"kind": "complaint",',
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      const type = answer.headers.get('content-type');
      heard.contract.check('POST', '/v1/feedback', 400, type, await answer.text());
      const docs = await fetch(`${heard.url}/docs-json`);
      expect(docs.status).toBe(200);
      expect(((await docs.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty(
        '/v1/feedback',
      );
    });
  },
);
