import { waitFor } from '@heard/event-store/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  embeddedDeployment,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';

jest.setTimeout(120_000);

interface MyFeedback {
  items: {
    feedbackId: string;
    text: string | null;
    rating: number | null;
    nps: number | null;
    case: { replies: { from: string; text: string }[] } | null;
  }[];
}

/** Every byte of every SQLite file Heard keeps: events, read models, keys, and their WAL. */
function sqliteBytes(dataDir: string): { files: string[]; bytes: Buffer } {
  const files = readdirSync(dataDir).filter((f) => f.includes('.sqlite'));
  return { files, bytes: Buffer.concat(files.map((f) => readFileSync(join(dataDir, f)))) };
}

function pgDump(databaseUrl: string): Buffer {
  return execFileSync('/usr/bin/pg_dump', ['--no-owner', databaseUrl], {
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * The right to erasure, end to end: what a customer wrote is gone from the API and from the bytes
 * on disk, while their scores and the case's history stay.
 */
describe.each([embeddedDeployment, postgresDeployment])(
  'erasing a customer on $name',
  (deployment) => {
    let heard: HeardUnderTest;
    const unique = randomUUID().replace(/-/g, '');
    const email = `erase-me-${unique}@example.com`;
    const sentence = `The pickled herring ${unique} tasted of soap`;
    const replyWords = `Receipt number ${unique} is in my drawer`;
    const reopenWords = `Still soap ${unique} today`;
    const customerId = `C-${unique.slice(0, 12)}`;

    /** Where the words could be: every file, or a dump of the whole database. */
    const stored = (): Buffer =>
      heard.config.databaseUrl === null
        ? sqliteBytes(heard.config.dataDir).bytes
        : pgDump(heard.config.databaseUrl);

    beforeAll(async () => {
      heard = await startHeard(deployment);
      const admin = heard.as('admin-1', 'cx_admin');
      expect(
        (
          await admin.put('/v1/people/M-1', {
            name: 'Mara',
            roles: ['store_manager'],
            locale: 'en-GB',
          })
        ).status,
      ).toBe(200);
      expect((await admin.put('/v1/regions/R-1', { name: 'North', leadId: null })).status).toBe(
        200,
      );
      expect(
        (
          await admin.put('/v1/stores/S-1', {
            name: 'Harbour',
            regionId: 'R-1',
            timezone: 'UTC',
            managerId: 'M-1',
          })
        ).status,
      ).toBe(200);
    }, 60_000);

    afterAll(async () => {
      await heard?.close();
    });

    it('shows neither the e-mail nor the words anywhere, while rating, NPS and the case stay', async () => {
      const admin = heard.as('admin-1', 'cx_admin');
      const customer = heard.as(customerId, 'customer');
      const submitted = await heard
        .as('pos', 'integration')
        .post<{ feedbackId: string }>('/v1/feedback', {
          kind: 'complaint',
          channel: 'store',
          storeId: 'S-1',
          customer: { id: customerId, name: 'Erin Example', email, consent: true },
          rating: 1,
          nps: 2,
          text: sentence,
          language: 'en',
        });
      expect(submitted.status).toBe(202);
      const caseId = submitted.body.feedbackId;
      await waitFor(async () => (await admin.get(`/v1/cases/${caseId}`)).status === 200, {
        what: 'the case of the complaint',
      });
      const current = await customer.get<{ version: number }>(`/v1/cases/${caseId}`);
      const replied = await customer.post(
        `/v1/cases/${caseId}/replies`,
        { text: replyWords },
        { 'if-match': current.headers.get('etag')! },
      );
      expect(replied.status).toBe(200);
      const resolved = await admin.post(
        `/v1/cases/${caseId}/resolve`,
        { code: 'fixed', summary: 'new supplier', customerMessage: 'We changed the supplier.' },
        { 'if-match': replied.headers.get('etag')! },
      );
      expect(resolved.status).toBe(200);
      const reopened = await customer.post(
        `/v1/cases/${caseId}/reopen`,
        { reason: reopenWords },
        { 'if-match': resolved.headers.get('etag')! },
      );
      expect(reopened.status).toBe(200);
      await waitFor(
        async () =>
          JSON.stringify((await customer.get<MyFeedback>('/v1/me/feedback')).body).includes(
            replyWords,
          ),
        { what: "the customer's reply in their feedback history" },
      );
      // Sealed from the first write: the events never held them. The feedback's words stay
      // sealed in its read model too; the customer's reply is held there plain, until erased.
      expect(JSON.stringify((await admin.get(`/v1/feedback/${caseId}`)).body)).toContain(email);
      expect(JSON.stringify((await customer.get('/v1/me/feedback')).body)).toContain(sentence);
      expect(stored().includes(sentence)).toBe(false);
      expect(stored().includes(replyWords)).toBe(true);
      expect(JSON.stringify((await admin.get(`/v1/cases/${caseId}`)).body)).toContain(reopenWords);

      const erased = await admin.post(`/v1/customers/${customerId}/erasure`, {});
      expect(erased).toMatchObject({
        status: 200,
        body: { customerId, keysDeleted: 1, readModels: 'redacted' },
      });

      const answers = [
        await admin.get(`/v1/feedback/${caseId}`),
        await admin.get(`/v1/cases/${caseId}`),
        await admin.get('/v1/cases'),
        await customer.get('/v1/me/feedback'),
        await customer.get(`/v1/cases/${caseId}`),
        await heard.as('M-1', 'store_manager').get('/v1/me/assignments'),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        const text = JSON.stringify(answer.body);
        for (const secret of [email, sentence, replyWords, reopenWords, 'Erin Example'])
          expect(text).not.toContain(secret);
      }
      expect(answers[0].body).toMatchObject({ rating: 1, nps: 2, text: '[erased]' });
      expect(JSON.stringify(answers[1].body)).toContain('[erased]');
      const mine = (answers[3].body as MyFeedback).items.find((i) => i.feedbackId === caseId);
      expect(mine).toMatchObject({ rating: 1, nps: 2, text: '[erased]' });
      expect(mine?.case?.replies).toContainEqual(
        expect.objectContaining({ from: 'customer', text: '[erased]' }),
      );

      const bytes = stored();
      for (const secret of [email, sentence, replyWords, reopenWords, 'Erin Example'])
        expect({ secret, found: bytes.includes(secret) }).toEqual({ secret, found: false });

      const again = await admin.post(`/v1/customers/${customerId}/erasure`, {});
      expect(again).toMatchObject({ status: 200, body: { keysDeleted: 0 } });
    });

    it('refuses an id no customer can have, naming the field', async () => {
      const answer = await heard.as('admin-1', 'cx_admin').post('/v1/customers/%20x/erasure', {});
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ field: 'id' })] });
    });
  },
);
