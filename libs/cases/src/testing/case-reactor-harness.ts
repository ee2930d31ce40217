import { AppendOptions, handleCommand, NewEvent, RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { feedbackDecider, feedbackStreamId, ReceiveFeedback } from '@heard/feedback';
import { ensureTables, readModelEntities, Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { caseReactors } from '../application/case-reactors';
import { CaseOpenerOptions } from '../application/open-case-for-feedback/open-case-for-feedback.reactor';
import { caseStreamId } from '../domain/case.decider';
import { caseProjections } from '../read-models';

export const T0 = '2026-11-20T10:00:00.000Z';

/** Fails the next append that `failNext` picks, as a store would when the process dies mid-way. */
export class FlakyEventStore extends InMemoryEventStore {
  failNext: ((streamId: string, events: readonly NewEvent[]) => boolean) | null = null;

  override async append(streamId: string, events: readonly NewEvent[], options: AppendOptions) {
    if (this.failNext?.(streamId, events)) {
      this.failNext = null;
      throw new Error(`lost the append to ${streamId}`);
    }
    return super.append(streamId, events, options);
  }
}

export const complaint = (
  feedbackId: string,
  overrides: Partial<ReceiveFeedback> = {},
): ReceiveFeedback => ({
  type: 'ReceiveFeedback',
  feedbackId,
  kind: 'complaint',
  channel: 'store',
  storeId: 'S-042',
  customer: { id: 'C-1', consent: true },
  personal: { text: 'one till open, the queue took 25 minutes' },
  category: 'queue',
  rating: null,
  nps: null,
  factors: [],
  language: 'en',
  occurredAt: T0,
  receivedAt: T0,
  source: null,
  ...overrides,
});

/**
 * The case reactor over an in-memory event store and an in-memory SQLite read-model database,
 * delivering events by hand in log order the way the reactor runner does, and feeding case_view.
 */
export class CaseReactorHarness {
  readonly clock = new FixedClock(new Date(T0));
  readonly store = new FlakyEventStore(this.clock);
  readonly reactor: Reactor;
  private delivered = 0n;
  private projected = 0n;

  private constructor(
    readonly dataSource: DataSource,
    options: CaseOpenerOptions,
  ) {
    [this.reactor] = caseReactors({
      store: this.store,
      dataSource,
      clock: this.clock,
      cases: options,
    });
  }

  static async start(options: CaseOpenerOptions = {}): Promise<CaseReactorHarness> {
    const entities = readModelEntities(caseProjections);
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities,
    }).initialize();
    await ensureTables(dataSource, entities);
    return new CaseReactorHarness(dataSource, options);
  }

  async receive(command: ReceiveFeedback): Promise<void> {
    await handleCommand(this.store, feedbackStreamId(command.feedbackId), feedbackDecider, command);
  }

  /** Delivers every new event to the reactor, including the ones it appends, then projects. */
  async settle(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.delivered, limit: 100 });
      if (batch.length === 0) break;
      for (const event of batch) {
        if (this.reactor.canHandle(event.type)) await this.reactor.handle(event);
        this.delivered = event.globalPosition;
      }
    }
    await this.project();
  }

  async project(): Promise<void> {
    const events = await this.store.readAll({ after: this.projected, limit: 10_000 });
    for (const event of events) {
      for (const projection of caseProjections) {
        if (projection.canHandle(event.type))
          await projection.apply(event, this.dataSource.manager);
      }
      this.projected = event.globalPosition;
    }
  }

  caseEvents(caseId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(caseStreamId(caseId));
  }

  async log(): Promise<RecordedEvent[]> {
    return this.store.readAll({ limit: 10_000 });
  }

  stop(): Promise<void> {
    return this.dataSource.destroy();
  }
}
