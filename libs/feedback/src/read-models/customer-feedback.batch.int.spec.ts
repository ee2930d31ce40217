import { CaseEvent } from '@heard/cases';
import { CustomerErased, REDACTED } from '@heard/customers';
import { caseOpened } from '@heard/cases/testing';
import { RecordedEvent } from '@heard/event-store';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { FeedbackEvent, FeedbackReceived } from '../domain/feedback.events';
import { customerFeedbackProjection as projection } from './customer-feedback.projection';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

const at = '2026-11-20T12:00:00.000Z';
const by = { id: 'agent-1', role: 'agent' } as const;

let position = 0n;
const versions = new Map<string, number>();
function recorded(
  streamId: string,
  event: FeedbackEvent | CaseEvent | CustomerErased,
): RecordedEvent {
  position += 1n;
  const version = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, version);
  return {
    ...event,
    eventId: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    schemaVersion: 1,
    streamId,
    streamVersion: version,
    globalPosition: position,
    occurredAt: new Date(at),
    recordedAt: new Date(at),
    correlationId: null,
    causationId: null,
    actor: null,
  };
}

const received = (feedbackId: string, data: Partial<FeedbackReceived['data']> = {}) =>
  recorded(`feedback-${feedbackId}`, {
    type: 'FeedbackReceived',
    data: {
      feedbackId,
      kind: 'complaint',
      channel: 'app',
      storeId: 'S-1',
      customer: { id: 'C-1', consent: true },
      personal: { text: `about ${feedbackId}` },
      category: null,
      rating: null,
      nps: null,
      factors: [],
      language: 'ru',
      occurredAt: '2026-11-20T09:00:00.000Z',
      receivedAt: '2026-11-20T10:00:00.000Z',
      source: null,
      ...data,
    },
  });
const triaged = (feedbackId: string, category: string) =>
  recorded(`feedback-${feedbackId}`, {
    type: 'FeedbackTriaged',
    data: {
      feedbackId,
      sentiment: 'negative',
      severity: 'medium',
      category,
      needsCase: true,
      reasons: [],
    },
  });
const linked = (feedbackId: string, caseId: string) =>
  recorded(`feedback-${feedbackId}`, {
    type: 'FeedbackLinkedToCase',
    data: { feedbackId, caseId, merged: feedbackId !== caseId, at },
  });
const onCase = (caseId: string, event: CaseEvent) => recorded(`case-${caseId}`, event);
const opened = (caseId: string, feedbackIds: string[]) =>
  onCase(
    caseId,
    caseOpened({ caseId, feedbackIds, storeId: 'S-1', regionId: null, channel: 'app', at }),
  );
const reply = (caseId: string, fromCustomer: boolean, text: string) =>
  onCase(caseId, {
    type: 'ReplySent',
    data: { at, by, replyId: `r-${position}`, fromCustomer, text },
  });
const resolved = (caseId: string, customerMessage: string) =>
  onCase(caseId, {
    type: 'CaseResolved',
    data: { at, by, code: 'fixed', summary: 'internal summary', customerMessage },
  });

/**
 * Feedback and case events interleaved the ways that decide a row: a case opened before its
 * feedback is received, a feedback's own link against the case's, a triage of feedback never
 * received, notes the projection does not handle.
 */
const log: readonly RecordedEvent[] = [
  received('f-1', { category: 'queue', personal: { text: 'Очередь 20 минут 😡' } }),
  received('f-2', { kind: 'review', rating: 2, personal: { text: 'it\'s "stale"' } }),
  received('f-3', { customer: { consent: false }, personal: {}, storeId: null, language: null }),
  triaged('f-1', 'queue_wait'),
  triaged('f-2', 'quality'),
  opened('f-1', ['f-1', 'f-4']),
  onCase('f-1', {
    type: 'CaseAssigned',
    data: {
      ownerId: 'M-1',
      teamId: null,
      assignedBy: { kind: 'rule', ruleId: 'builtin', rulesVersion: 0 },
      reason: 'store manager',
      at,
    },
  }),
  linked('f-1', 'f-1'),
  reply('f-1', false, 'Sorry!'),
  linked('f-3', 'f-7'),
  opened('f-9', ['f-3']),
  onCase('f-1', { type: 'AwaitingCustomer', data: { at, by, reason: 'which checkout?' } }),
  received('f-4'),
  reply('f-1', true, 'Касса 3'),
  onCase('f-1', { type: 'FeedbackAttached', data: { feedbackId: 'f-2', at } }),
  linked('f-2', 'f-1'),
  opened('f-5', ['f-5']),
  onCase('f-1', { type: 'NoteAdded', data: { at, by, noteId: 'n-1', text: 'INTERNAL' } }),
  received('f-5', { nps: 3, kind: 'survey' }),
  onCase('f-5', { type: 'FeedbackAttached', data: { feedbackId: 'f-5', at } }),
  onCase('f-1', { type: 'CaseResumed', data: { at, by, newDueAt: at } }),
  triaged('f-6', 'never_received'),
  resolved('f-1', 'We opened a second checkout.'),
  resolved('f-9', '   '),
  triaged('f-3', 'other'),
  onCase('f-1', { type: 'CaseClosed', data: { at, by } }),
  onCase('f-9', { type: 'CaseReopened', data: { at, by, reason: 'again', newDueAt: at } }),
  resolved('f-5', 'Thank you.'),
  triaged('f-4', 'cleanliness'),
].filter((event) => projection.canHandle(event.type));

const split = (events: readonly RecordedEvent[], size: number): RecordedEvent[][] =>
  Array.from({ length: Math.ceil(events.length / size) }, (_, i) =>
    events.slice(i * size, (i + 1) * size),
  );

const ENTITIES = [FeedbackViewRow, FeedbackCaseViewRow, FeedbackReplyViewRow];

async function snapshot(dataSource: DataSource) {
  return {
    feedback: await dataSource
      .getRepository(FeedbackViewRow)
      .find({ order: { feedbackId: 'ASC' } }),
    cases: await dataSource.getRepository(FeedbackCaseViewRow).find({ order: { caseId: 'ASC' } }),
    replies: await dataSource
      .getRepository(FeedbackReplyViewRow)
      .find({ order: { replyId: 'ASC' } }),
  };
}

describe.each(readModelDatabasesUnderTest())(
  'customer-feedback applyAll on %s',
  (_name, factory) => {
    const created: ReadModelDatabase[] = [];
    let reference: DataSource;
    let batched: DataSource;

    const open = async () => {
      const database = await factory();
      created.push(database);
      const dataSource = await database.open(ENTITIES);
      await ensureTables(dataSource, ENTITIES);
      return dataSource;
    };
    const perEvent = async (dataSource: DataSource, batches: readonly RecordedEvent[][]) => {
      for (const batch of batches)
        await inTransaction(dataSource, async (manager) => {
          for (const event of batch) await projection.apply(event, manager);
        });
    };
    const whole = async (dataSource: DataSource, batches: readonly RecordedEvent[][]) => {
      for (const batch of batches)
        await inTransaction(dataSource, (manager) => projection.applyAll!(batch, manager));
    };
    /** The same batches through `apply` on each event and through `applyAll`; the rows must match. */
    const expectSameRows = async (batches: readonly RecordedEvent[][]) => {
      await perEvent(reference, batches);
      await whole(batched, batches);
      const expected = await snapshot(reference);
      expect(await snapshot(batched)).toEqual(expected);
      return expected;
    };

    beforeAll(async () => {
      reference = await open();
      batched = await open();
    });
    beforeEach(async () => {
      for (const dataSource of [reference, batched])
        for (const entity of ENTITIES) await dataSource.getRepository(entity).clear();
    });
    afterAll(async () => {
      for (const database of created) await database.dispose();
    });

    it('matches apply for the whole log in one batch', async () => {
      const rows = await expectSameRows([[...log]]);
      expect(rows.feedback.map((r) => [r.feedbackId, r.category, r.caseId])).toEqual([
        ['f-1', 'queue_wait', 'f-1'],
        ['f-2', 'quality', 'f-1'],
        ['f-3', 'other', 'f-7'],
        ['f-4', 'cleanliness', null],
        ['f-5', null, 'f-5'],
      ]);
      expect(rows.cases.map((r) => [r.caseId, r.status, r.version])).toEqual([
        ['f-1', 'closed', 10],
        ['f-5', 'resolved', 3],
        ['f-9', 'open', 3],
      ]);
      expect(rows.replies.map((r) => [r.caseId, r.kind, r.author, r.text])).toEqual([
        ['f-1', 'reply', 'staff', 'Sorry!'],
        ['f-1', 'reply', 'customer', 'Касса 3'],
        ['f-1', 'resolution', 'staff', 'We opened a second checkout.'],
        ['f-5', 'resolution', 'staff', 'Thank you.'],
      ]);
    });

    it.each([1, 2, 3, 5, 8])(
      'matches apply in batches of %i, later batches meeting rows stored by earlier ones',
      async (size) => {
        await expectSameRows(split(log, size));
      },
    );

    it('matches apply when a batch is applied again after a crash, and the whole log twice', async () => {
      const [first, second, ...rest] = split(log, 9);
      await expectSameRows([first, second, second, ...rest]);
      await expectSameRows([[...log]]);
    });

    it('continues from rows that apply wrote event by event', async () => {
      await perEvent(batched, [log.slice(0, 13)]);
      await perEvent(reference, [log.slice(0, 13)]);
      await expectSameRows([log.slice(13)]);
    });

    it('moves no status back when older case events come again', async () => {
      await expectSameRows([[...log]]);
      const rows = await expectSameRows([
        log.filter((e) => e.type === 'AwaitingCustomer' || e.type === 'CaseResumed'),
      ]);
      expect(rows.cases.find((r) => r.caseId === 'f-1')).toMatchObject({ status: 'closed' });
    });

    it("drops the customer's words on erasure, in any batching, and keeps what came after", async () => {
      const erased = recorded('customer-C-1', {
        type: 'CustomerErased',
        data: { customerId: 'C-1', by: 'admin-1', at },
      });
      const later = received('f-8', { personal: { text: 'after the erasure' } });
      const withErasure = [...log, erased, later];
      for (const size of [1, 4, withErasure.length]) {
        for (const dataSource of [reference, batched])
          for (const entity of ENTITIES) await dataSource.getRepository(entity).clear();
        const rows = await expectSameRows(split(withErasure, size));
        expect(rows.feedback.map((r) => [r.feedbackId, r.text])).toEqual([
          ['f-1', REDACTED],
          ['f-2', REDACTED],
          ['f-3', null],
          ['f-4', REDACTED],
          ['f-5', REDACTED],
          ['f-8', 'after the erasure'],
        ]);
        expect(rows.feedback.map((r) => r.rating)).toEqual([null, 2, null, null, null, null]);
        expect(rows.replies.map((r) => [r.author, r.text])).toEqual([
          ['staff', 'Sorry!'],
          ['customer', REDACTED],
          ['staff', 'We opened a second checkout.'],
          ['staff', 'Thank you.'],
        ]);
      }
    });

    it('writes a batch in a few statements however many events it holds', async () => {
      const statements = await inTransaction(batched, async (manager) => {
        const query = jest.spyOn(manager.queryRunner!, 'query');
        try {
          await projection.applyAll!(log, manager);
          return query.mock.calls.length;
        } finally {
          query.mockRestore();
        }
      });
      expect(log.length).toBeGreaterThan(20);
      expect(statements).toBeLessThanOrEqual(5);
    });
  },
);
