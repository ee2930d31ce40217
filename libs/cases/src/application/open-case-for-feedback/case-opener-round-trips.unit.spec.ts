import { publishRoutingRules, putStore } from '@heard/directory';
import { publishRulesCommand, putStoreCommand, seedDirectory } from '@heard/directory/testing';
import {
  AppendOptions,
  AppendResult,
  handleCommand,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
} from '@heard/event-store';
import { FixedClock } from '@heard/event-store/testing';
import { feedbackDecider, feedbackStreamId, ReceiveFeedback } from '@heard/feedback';
import { ensureTables, readModelEntities, Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { caseStreamId } from '../../domain/case.decider';
import { caseProjections } from '../../read-models';
import { complaint, FlakyEventStore, T0 } from '../../testing/case-reactor-harness';
import { caseReactors } from '../case-reactors';

/** Counts what the reactor asks of the event store, by kind of stream ("feedback", "store"…). */
class CountingEventStore extends FlakyEventStore {
  reads: string[] = [];
  appends = 0;

  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads.push(streamId.split('-')[0]);
    return super.readStream(streamId, options);
  }

  override append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.appends++;
    return super.append(streamId, events, options);
  }

  reset(): void {
    this.reads = [];
    this.appends = 0;
  }

  readsByKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const kind of this.reads) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }
}

const BATCH = 10;

// What the reactor costs per complaint, counted where the store is asked. Before the feedback
// read was shared and the directory cached, a new case took 8 stream reads: the feedback stream
// 3 times, the store twice, the rules, the team and the case stream once each.
describe('case opener reads per complaint', () => {
  let store: CountingEventStore;
  let dataSource: DataSource;
  let reactor: Reactor;
  let delivered: bigint;

  beforeEach(async () => {
    const clock = new FixedClock(new Date(T0));
    store = new CountingEventStore(clock);
    const entities = readModelEntities(caseProjections);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities,
    }).initialize();
    await ensureTables(dataSource, entities);
    [reactor] = caseReactors({ store, dataSource, clock });
    await seedDirectory(store);
    await putStore(store, putStoreCommand());
    // Routed to a team, so that the team is looked up too.
    await publishRoutingRules(
      store,
      publishRulesCommand({
        rules: [{ id: 'r-care', match: {}, owner: { kind: 'team', teamId: 'T-cx' } }],
      }),
    );
    delivered = (await store.readAll({ limit: 10_000 })).at(-1)?.globalPosition ?? 0n;
  });
  afterEach(() => dataSource.destroy());

  const receive = (feedbackId: string, overrides: Partial<ReceiveFeedback> = {}) =>
    handleCommand(
      store,
      feedbackStreamId(feedbackId),
      feedbackDecider,
      complaint(feedbackId, { customer: { id: `C-${feedbackId}`, consent: true }, ...overrides }),
    );
  const receiveMany = async (from: number) => {
    for (let i = from; i < from + BATCH; i++) await receive(`f-${i}`);
  };
  const newEvents = async () => {
    const events = await store.readAll({ after: delivered, limit: 10_000 });
    delivered = events.at(-1)?.globalPosition ?? delivered;
    return events.filter((e) => reactor.canHandle(e.type));
  };
  /** As a runner with concurrency delivers a batch: every event's partition first, then handling. */
  const deliverPartitioned = async (): Promise<readonly RecordedEvent[]> => {
    const batch = await newEvents();
    for (const event of batch) await reactor.partitionOf?.(event);
    for (const event of batch) await reactor.handle(event);
    return batch;
  };
  const caseTypes = async (caseId: string) =>
    (await store.readStream(caseStreamId(caseId))).map((e) => e.type);
  const links = async (feedbackId: string) =>
    (await store.readStream(feedbackStreamId(feedbackId))).filter(
      (e) => e.type === 'FeedbackLinkedToCase',
    );

  it('reads the feedback stream once, and the directory only for what was appended since', async () => {
    // The first batch fills what the reactor keeps; the next is what a busy reactor pays.
    await receiveMany(0);
    await deliverPartitioned();
    await receiveMany(BATCH);
    store.reset();
    await deliverPartitioned();

    const perComplaint = Object.fromEntries(
      Object.entries(store.readsByKind()).map(([kind, n]) => [kind, n / BATCH]),
    );
    expect(perComplaint).toEqual({ feedback: 1, store: 1, routing: 1, team: 1 });
    expect(store.appends / BATCH).toBe(2);
    expect(await caseTypes(`f-${BATCH}`)).toEqual(['CaseOpened', 'CaseAssigned']);
    expect(await links(`f-${BATCH}`)).toHaveLength(1);
  });

  /** As the runner delivers: the whole batch observed, then partitions, then handling. */
  const deliverObserved = async (): Promise<void> => {
    const all = await store.readAll({ after: delivered, limit: 10_000 });
    delivered = all.at(-1)?.globalPosition ?? delivered;
    reactor.observe?.(all);
    const batch = all.filter((e) => reactor.canHandle(e.type));
    for (const event of batch) await reactor.partitionOf?.(event);
    for (const event of batch) await reactor.handle(event);
  };
  const ownerOf = async (caseId: string) =>
    (await store.readStream(caseStreamId(caseId))).find((e) => e.type === 'CaseAssigned')?.data;

  it('shown every batch, reads the directory only after it changed', async () => {
    await receiveMany(0);
    await deliverObserved();
    await receiveMany(BATCH);
    store.reset();
    await deliverObserved();
    expect(store.readsByKind()).toEqual({ feedback: BATCH });

    // A new rules version in the log before the next complaint routes that complaint.
    await publishRoutingRules(
      store,
      publishRulesCommand({
        rules: [{ id: 'r-manager', match: {}, owner: { kind: 'store_manager' } }],
      }),
    );
    await receive('f-next');
    store.reset();
    await deliverObserved();
    expect(store.readsByKind()).toMatchObject({ feedback: 1, routing: 1 });
    expect(await ownerOf('f-next')).toMatchObject({ assignedBy: { ruleId: 'r-manager' } });
  });

  it('reads the feedback stream once for a complaint merged into an open case', async () => {
    await receive('f-1', { customer: { id: 'C-1', consent: true } });
    await deliverPartitioned();
    await receive('f-2', { customer: { id: 'C-1', consent: true } });
    store.reset();
    await deliverPartitioned();
    expect(store.readsByKind()).toMatchObject({ feedback: 1, case: 1 });
    expect(await caseTypes('f-1')).toEqual(['CaseOpened', 'CaseAssigned', 'FeedbackAttached']);
    expect((await links('f-2'))[0].data).toMatchObject({ caseId: 'f-1', merged: true });
  });

  it('does not read feedback that needs no case at all', async () => {
    await receive('f-1', { kind: 'praise', category: null, personal: { text: 'lovely' } });
    store.reset();
    const [triaged] = await deliverPartitioned();
    expect(await reactor.partitionOf?.(triaged)).toBe('feedback:f-1');
    expect(store.reads).toEqual([]);
  });

  it('acts once when a partitioned batch comes again', async () => {
    await receiveMany(0);
    const batch = await deliverPartitioned();
    const before = (await store.readAll({ limit: 10_000 })).length;
    for (const event of batch) await reactor.partitionOf?.(event);
    for (const event of batch) await reactor.handle(event);
    expect((await store.readAll({ limit: 10_000 })).length).toBe(before);
  });

  it('reads the feedback stream afresh when a failed handle is retried', async () => {
    await receive('f-1');
    const [triaged] = await newEvents();
    await reactor.partitionOf?.(triaged);
    store.failNext = (_streamId, events) => events.some((e) => e.type === 'FeedbackLinkedToCase');
    await expect(reactor.handle(triaged)).rejects.toThrow('lost the append');
    store.reset();
    // The runner retries the handle alone; what partitionOf read was used up by the first try.
    await reactor.handle(triaged);
    expect(store.readsByKind()).toMatchObject({ feedback: 1 });
    expect(await caseTypes('f-1')).toEqual(['CaseOpened', 'CaseAssigned']);
    expect(await links('f-1')).toHaveLength(1);
  });
});
