import { complaint } from '@heard/cases/testing';
import { EventStore, handleCommand, systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { feedbackDecider, feedbackStreamId } from '@heard/feedback';
import { createEventStore } from '@heard/runtime';
import { HeardUnderTest, postgresDeployment, startHeard } from './support/heard-under-test';

interface Readiness {
  status: string;
  subscriptions: {
    name: string;
    state: string;
    error: string | null;
    failures: number;
    lastErrorAt: string | null;
    nextRetryAt: string | null;
  }[];
}

/**
 * The case: text holding \u0000 reached the event store (here appended straight to it),
 * and PostgreSQL refuses it in the customer's feedback read model. That one subscription retries;
 * the API stays up, says so on /ready, and complaints still open cases with an owner.
 */
describe('a poisoned event on PostgreSQL', () => {
  // Its waits have deadlines of their own, longer than jest's 5 s default.
  jest.setTimeout(60_000);
  let heard: HeardUnderTest;
  let store: EventStore;

  beforeAll(async () => {
    heard = await startHeard(postgresDeployment);
    store = await createEventStore(heard.config, systemClock);
    const admin = heard.as('admin-1', 'cx_admin');
    for (const [path, body] of [
      ['/v1/people/M-42', { name: 'Anna Petrova', roles: ['store_manager'], locale: 'ru-RU' }],
      ['/v1/regions/R-SOUTH', { name: 'South' }],
      [
        '/v1/stores/S-042',
        { name: 'Privoz', regionId: 'R-SOUTH', timezone: 'Europe/Kyiv', managerId: 'M-42' },
      ],
    ] as const)
      expect((await admin.put(path, body)).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await heard?.close();
  });

  const ready = async () => {
    const response = await fetch(`${heard.url}/ready`);
    return { status: response.status, body: (await response.json()) as Readiness };
  };

  it('holds customer-feedback in retry, answers 503 on /ready and 200 on /health, and goes on', async () => {
    await handleCommand(
      store,
      feedbackStreamId('nul-1'),
      feedbackDecider,
      complaint('nul-1', {
        customer: { id: 'C-nul', consent: true },
        personal: { text: 'the till ate my card\u0000' },
      }),
    );
    let answer = await ready();
    await waitFor(
      async () => {
        answer = await ready();
        return answer.body.subscriptions.some(
          (s) => s.name === 'customer-feedback' && s.failures >= 2,
        );
      },
      { timeoutMs: 15_000, what: 'customer-feedback to fail and retry' },
    );
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe('failing');
    const failing = answer.body.subscriptions.find((s) => s.name === 'customer-feedback')!;
    expect(failing.error).toMatch(/unsupported Unicode escape sequence|0x00/);
    expect(Date.parse(failing.lastErrorAt!)).not.toBeNaN();
    expect((await fetch(`${heard.url}/health`)).status).toBe(200);

    const submitted = await heard
      .as('C-2', 'customer')
      .post<{ feedbackId: string }>('/v1/feedback', {
        kind: 'complaint',
        channel: 'store',
        storeId: 'S-042',
        customer: { id: 'C-2', consent: true },
        text: 'one till open at peak hours',
      });
    expect(submitted.status).toBe(202);
    await waitFor(
      async () => {
        const page = await heard
          .as('M-42', 'store_manager')
          .get<{ items: { caseId: string; ownerId: string | null }[] }>('/v1/me/assignments');
        return (
          page.body.items?.some(
            (c) => c.caseId === submitted.body.feedbackId && c.ownerId === 'M-42',
          ) ?? false
        );
      },
      { timeoutMs: 15_000, what: 'the later complaint to reach its owner' },
    );
    const after = await ready();
    expect(after.status).toBe(503);
    expect(
      after.body.subscriptions.filter((s) => s.state !== 'running').map((s) => s.name),
    ).toEqual(['customer-feedback']);
  });
});
