import { caseStreamId } from '@heard/cases';
import { caseOpened } from '@heard/cases/testing';
import { DataKeyPersonalData, MasterKey } from '@heard/customers';
import { MemoryTable, personalDataStore } from '@heard/customers/testing';
import { NewEvent, RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { ensureTables } from '@heard/projections';
import { DataSource } from 'typeorm';
import { receiveFeedback } from '../application/receive-feedback/receive-feedback.handler';
import { feedbackReceivedPersonal } from '../personal/feedback-received.personal';
import { customerFeedbackProjection } from './customer-feedback.projection';
import { listCustomerFeedback } from './customer-feedback.query';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { InvalidCursorError } from './feedback-cursor';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

const by = { id: 'agent-1', role: 'agent' };
/** These events hold their words plain: the query has nothing to open. */
const personal = new DataKeyPersonalData(new MemoryTable(), MasterKey.generate());
const at = '2026-11-20T12:00:00.000Z';

async function memoryDatabase(): Promise<DataSource> {
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [...customerFeedbackProjection.entities],
  }).initialize();
  await ensureTables(dataSource, customerFeedbackProjection.entities);
  return dataSource;
}

async function snapshot(dataSource: DataSource) {
  return {
    feedback: await dataSource
      .getRepository(FeedbackViewRow)
      .find({ order: { feedbackId: 'ASC' } }),
    cases: await dataSource.getRepository(FeedbackCaseViewRow).find(),
    replies: await dataSource
      .getRepository(FeedbackReplyViewRow)
      .find({ order: { replyId: 'ASC' } }),
  };
}

async function applyAll(dataSource: DataSource, events: readonly RecordedEvent[]) {
  await dataSource.transaction(async (manager) => {
    for (const event of events)
      if (customerFeedbackProjection.canHandle(event.type))
        await customerFeedbackProjection.apply(event, manager);
  });
}

describe('customer feedback projection', () => {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00.000Z'));
  let store: InMemoryEventStore;
  let dataSource: DataSource;
  let ids: string[];

  const receive = async (customerId: string, text: string) => {
    clock.advance(1000);
    const outcome = await receiveFeedback(
      { store, clock },
      {
        kind: 'complaint',
        channel: 'app',
        storeId: 'S-1',
        customer: { id: customerId, consent: true },
        text,
      },
      { id: customerId, role: 'customer' },
    );
    return outcome.feedbackId;
  };
  const onCase = (caseId: string, events: NewEvent[], expectedVersion: number | 'no_stream') =>
    store.append(caseStreamId(caseId), events, { expectedVersion });

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    dataSource = await memoryDatabase();
    ids = [
      await receive('C-1', 'Очередь 20 минут 😡'),
      await receive('C-2', 'someone else'),
      await receive('C-1', 'Хліб черствий'),
      await receive('C-1', 'Грязно'),
    ];
    const [first] = ids;
    await onCase(
      first,
      [
        caseOpened({ caseId: first, storeId: 'S-1', regionId: null, channel: 'app', at }),
        { type: 'NoteAdded', data: { at, by, noteId: 'n-1', text: 'INTERNAL: manager was rude' } },
        {
          type: 'ReplySent',
          data: { at, by, replyId: 'r-1', fromCustomer: false, text: 'Sorry!' },
        },
        { type: 'AwaitingCustomer', data: { at, by, reason: 'which checkout?' } },
        {
          type: 'ReplySent',
          data: { at, by, replyId: 'r-2', fromCustomer: true, text: 'Касса 3' },
        },
        { type: 'CaseResumed', data: { at, by, newDueAt: at } },
        {
          type: 'CaseResolved',
          data: {
            at,
            by,
            code: 'fixed',
            summary: 'internal summary',
            customerMessage: 'We opened a second checkout.',
          },
        },
      ],
      'no_stream',
    );
    await store.append(
      `feedback-${first}`,
      [
        {
          type: 'FeedbackLinkedToCase',
          data: { feedbackId: first, caseId: first, merged: false, at },
        },
      ],
      { expectedVersion: 2 },
    );
  });

  afterEach(() => dataSource.destroy());

  it('gives the same rows when the whole log is applied twice', async () => {
    const log = await store.readAll();
    await applyAll(dataSource, log);
    const once = await snapshot(dataSource);
    await applyAll(dataSource, log);
    expect(await snapshot(dataSource)).toEqual(once);
    expect(once.feedback).toHaveLength(4);
    expect(once.cases).toEqual([expect.objectContaining({ caseId: ids[0], status: 'resolved' })]);
    expect(once.replies).toHaveLength(3);
  });

  it('never moves a status back when an older event is applied again', async () => {
    const log = await store.readAll();
    await applyAll(dataSource, log);
    await applyAll(
      dataSource,
      log.filter((e) => e.type === 'AwaitingCustomer'),
    );
    expect(
      await dataSource.getRepository(FeedbackCaseViewRow).findOneBy({ caseId: ids[0] }),
    ).toMatchObject({
      status: 'resolved',
    });
  });

  it('lists only the customer’s own feedback, newest first, with status and public replies', async () => {
    await applyAll(dataSource, await store.readAll());
    const page = await listCustomerFeedback(dataSource, personal, 'C-1');
    expect(page.items.map((i) => i.feedbackId)).toEqual([ids[3], ids[2], ids[0]]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[2]).toMatchObject({
      text: 'Очередь 20 минут 😡',
      category: 'queue',
      case: {
        caseId: ids[0],
        status: 'resolved',
        replies: [
          { kind: 'reply', from: 'staff', text: 'Sorry!', at },
          { kind: 'reply', from: 'customer', text: 'Касса 3', at },
          { kind: 'resolution', from: 'staff', text: 'We opened a second checkout.', at },
        ],
      },
    });
    expect(JSON.stringify(page)).not.toMatch(/INTERNAL|internal summary|someone else/);
  });

  it('pages with an opaque cursor and refuses one it did not make', async () => {
    await applyAll(dataSource, await store.readAll());
    const first = await listCustomerFeedback(dataSource, personal, 'C-1', { limit: 2 });
    expect(first.items.map((i) => i.feedbackId)).toEqual([ids[3], ids[2]]);
    const second = await listCustomerFeedback(dataSource, personal, 'C-1', {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((i) => i.feedbackId)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    await expect(
      listCustomerFeedback(dataSource, personal, 'C-1', { cursor: 'bm9wZQ' }),
    ).rejects.toThrow(InvalidCursorError);
  });
});

describe('customer feedback projection over sealed events', () => {
  it('keeps the words sealed, decrypting nothing to apply them, and opens them when listed', async () => {
    const clock = new FixedClock(new Date(at));
    const sealing = personalDataStore([feedbackReceivedPersonal], clock);
    const opened: string[] = [];
    const opener = sealing.personal.opener.bind(sealing.personal);
    jest.spyOn(sealing.personal, 'opener').mockImplementation(async (blocks, options) => {
      const open = await opener(blocks, options);
      return (block) => {
        opened.push(block.key);
        return open(block);
      };
    });
    const { feedbackId } = await receiveFeedback(
      { store: sealing.store, clock },
      {
        kind: 'review',
        channel: 'app',
        customer: { id: 'C-1', consent: true },
        rating: 5,
        text: 'свіжий хліб',
      },
      { id: 'C-1', role: 'customer' },
    );
    const dataSource = await memoryDatabase();
    await applyAll(dataSource, await sealing.store.readAll());
    const [row] = await dataSource.getRepository(FeedbackViewRow).find();
    expect(row).toMatchObject({ feedbackId, text: null, personalKey: expect.any(String) });
    expect(JSON.stringify(row)).not.toContain('хліб');
    expect(opened).toEqual([]);
    const page = await listCustomerFeedback(dataSource, sealing.personal, 'C-1');
    expect(page.items.map((i) => i.text)).toEqual(['свіжий хліб']);
    expect(opened).toEqual([row.personalKey]);
    await dataSource.destroy();
  });
});
