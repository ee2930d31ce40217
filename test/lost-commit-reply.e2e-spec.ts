import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  CommitReplyCutter,
  startCommitReplyCutter,
} from '../libs/event-store-postgres/src/testing/commit-reply-cutter';
import { HeardUnderTest, postgresDeployment, startHeard } from './support/heard-under-test';

jest.setTimeout(60_000);

/** PostgreSQL deployment whose every connection passes a proxy that can lose a commit's reply. */
describe('POST /v1/feedback when the reply to its committed append is lost', () => {
  let cutter: CommitReplyCutter;
  let heard: HeardUnderTest;
  let databaseUrl: string;

  beforeAll(async () => {
    heard = await startHeard({
      name: 'PostgreSQL behind a proxy',
      prepare: async () => {
        const { env, cleanup } = await postgresDeployment.prepare();
        databaseUrl = env.DATABASE_URL;
        cutter = await startCommitReplyCutter(databaseUrl);
        return {
          env: { ...env, DATABASE_URL: cutter.connectionString },
          cleanup: async () => {
            await cutter.close();
            await cleanup();
          },
        };
      },
    });
  });
  afterAll(async () => {
    await heard?.close();
  });

  it('answers 202 accepted and stores the feedback once', async () => {
    const storeId = `S-${randomUUID()}`; // names the one append to cut
    let cut = false;
    void cutter
      .cutAfterNextAppend((bind) => bind.includes(Buffer.from(storeId)))
      .then(() => {
        cut = true;
      });
    const submitted = await heard.as('pos-bridge', 'integration').post<{
      feedbackId: string;
      status: string;
    }>('/v1/feedback', {
      kind: 'complaint',
      channel: 'store',
      storeId,
      customer: { id: 'C-lost-reply', consent: true },
      text: 'The queue took 25 minutes',
    });
    expect(cut).toBe(true);
    expect(submitted.status).toBe(202);
    expect(submitted.body.status).toBe('accepted');

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ type: string }>(
        'SELECT type FROM heard_events.events WHERE stream_id = $1',
        [`feedback-${submitted.body.feedbackId}`],
      );
      expect(rows.filter((r) => r.type === 'FeedbackReceived')).toHaveLength(1);
    } finally {
      await db.end();
    }
  });
});
