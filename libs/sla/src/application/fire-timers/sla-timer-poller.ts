import { Clock, EventStore } from '@heard/event-store';
import { describeError, inTransaction, pollUntilAborted, Scheduler } from '@heard/projections';
import { DataSource } from 'typeorm';
import { SlaSources } from '../sla-sources';
import { dueTimers, markFired } from './due-timers';
import { DueTimer, fireTimer, FireOutcome } from './fire-timer';
import { FiredTimer, SlaTimerTick, tickLine } from './sla-timer-tick';

export interface SlaTimerPollerOptions {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly sources: SlaSources;
  readonly scheduler?: Scheduler;
  /** Between ticks that found less than a full batch. */
  readonly idleMs?: number;
  readonly batchSize?: number;
  /** Each fired timer: the bench and the metrics measure how late after its due time. */
  readonly onFired?: (timer: DueTimer, outcome: FireOutcome, at: Date) => void;
  /** Every tick, idle ones included (their cost is the poll duration): metrics take it. */
  readonly onTick?: (tick: SlaTimerTick) => void;
  /** A line per tick that took timers, and per failure. */
  readonly log?: (line: string) => void;
}

interface FireResult {
  /** Fired, settled or stale: marked, so not taken again. */
  readonly handled: DueTimer[];
  readonly outcomes: Omit<SlaTimerTick, 'seconds' | 'due'>;
}

export const SLA_TIMER_POLLER = 'sla-timer-poller';
/** A quarter of a second: breaches are seen well within the 1.5 s the issue allows. */
export const DEFAULT_POLL_IDLE_MS = 250;
const DEFAULT_BATCH = 500;
/** Cases fired side by side: their appends share group commits. */
const LANES = 32;
const ERROR_BACKOFF_MS = 2_000;

/**
 * Fires due SLA timers: durable rows, so those that came due while nothing ran fire on start,
 * once. On PostgreSQL a tick holds its rows (FOR UPDATE SKIP LOCKED) until they are marked, so
 * pollers share the work; anywhere, event ids derived from each timer make a second firing a no-op.
 */
export class SlaTimerPoller {
  readonly name = SLA_TIMER_POLLER;
  private readonly stopping = new AbortController();
  private running: Promise<void> | null = null;

  constructor(private readonly options: SlaTimerPollerOptions) {}

  /** One pass: fires what is due now, up to a batch; answers how many timers it took. */
  async tick(): Promise<number> {
    const started = performance.now();
    const { due, outcomes } = await this.fireDue();
    const tick: SlaTimerTick = {
      seconds: (performance.now() - started) / 1000,
      due,
      ...outcomes,
    };
    this.options.onTick?.(tick);
    if (due > 0) this.options.log?.(tickLine(this.name, tick));
    return due;
  }

  private async fireDue(): Promise<{ due: number; outcomes: FireResult['outcomes'] }> {
    const { dataSource, clock } = this.options;
    const limit = this.options.batchSize ?? DEFAULT_BATCH;
    const now = clock.now();
    if (dataSource.options.type === 'postgres') {
      return inTransaction(dataSource, async (manager) => {
        const due = await dueTimers(manager, now, limit, true);
        const { handled, outcomes } = await this.fire(due, now);
        await markFired(manager, handled, now);
        return { due: due.length, outcomes };
      });
    }
    // SQLite: one process, one poller; a write transaction held across appends would stall
    // the projections that share the file.
    const due = await dueTimers(dataSource.manager, now, limit, false);
    const { handled, outcomes } = await this.fire(due, now);
    await inTransaction(dataSource, (manager) => markFired(manager, handled, now));
    return { due: due.length, outcomes };
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private loop(): Promise<void> {
    return pollUntilAborted({
      name: this.name,
      tick: () => this.tick(),
      signal: this.stopping.signal,
      batchSize: this.options.batchSize ?? DEFAULT_BATCH,
      idleMs: this.options.idleMs ?? DEFAULT_POLL_IDLE_MS,
      errorBackoffMs: ERROR_BACKOFF_MS,
      scheduler: this.options.scheduler,
      log: this.options.log,
    });
  }

  /** Answers the timers handled and what became of each; one that failed stays due. */
  private async fire(due: readonly DueTimer[], now: Date): Promise<FireResult> {
    const { store, sources, clock, onFired, log } = this.options;
    const handled: DueTimer[] = [];
    const fired: FiredTimer[] = [];
    const counts = { settled: 0, stale: 0, failed: 0 };
    for (let i = 0; i < due.length; i += LANES) {
      await Promise.all(
        due.slice(i, i + LANES).map(async (timer) => {
          try {
            const outcome = await fireTimer(store, sources, timer, now);
            handled.push(timer);
            if (outcome === 'fired') {
              const lateMs = clock.now().getTime() - timer.dueAt.getTime();
              fired.push({ kind: timer.kind, lateSeconds: Math.max(0, lateMs) / 1000 });
            } else counts[outcome]++;
            onFired?.(timer, outcome, now);
          } catch (error) {
            counts.failed++;
            log?.(
              `${this.name}: the ${timer.kind} timer of case ${timer.caseId} (${timer.target}) failed: ${describeError(error)}`,
            );
          }
        }),
      );
    }
    return { handled, outcomes: { fired, ...counts } };
  }
}
