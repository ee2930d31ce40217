import { Clock } from '@heard/event-store';
import { describeError, pollUntilAborted, Scheduler } from '@heard/projections';
import { DataSource } from 'typeorm';
import { claimDueNotices, DueNotice } from './due-notices';
import { NoticeDeliverer } from './notice-deliverer';
import { NoticeDeliveryTally, NoticeDeliveryTick, noticeTickLine } from './notice-delivery-tick';

export interface NoticeDeliveryPollerOptions {
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly deliverer: NoticeDeliverer;
  readonly scheduler?: Scheduler;
  readonly idleMs?: number;
  readonly batchSize?: number;
  /** Recipients worked on side by side: their appends share group commits, their sends a pool. */
  readonly lanes?: number;
  /**
   * Recipients a lane starts together: their stream reads and key look-ups fall in the same turn
   * and share one read transaction and one look-up instead of one each.
   */
  readonly wave?: number;
  /** How long a taken notice is kept from other pollers; a crashed poller's notices return after it. */
  readonly leaseMs?: number;
  /** Passes running side by side, each over rows of its own. */
  readonly overlap?: number;
  readonly log?: (line: string) => void;
  /** Each pass's counts and times (NoticeDeliveryMetrics.observe); passes that took nothing too. */
  readonly onTick?: (tick: NoticeDeliveryTick) => void;
}

export const NOTICE_DELIVERY_POLLER = 'notice-delivery-poller';
const DEFAULT_IDLE_MS = 500;
const DEFAULT_BATCH = 500;
const DEFAULT_LANES = 32;
const DEFAULT_WAVE = 4;
/** Longer than any send may take (nodemailer and the webhook time out well inside it). */
export const DEFAULT_NOTICE_LEASE_MS = 5 * 60_000;
const ERROR_BACKOFF_MS = 2_000;
const DEFAULT_OVERLAP = 2;

/** One recipient's notices go together: one read of their preferences, one digest. */
function byRecipient(due: readonly DueNotice[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const d of due) {
    const key =
      d.customerId !== null
        ? `c:${d.customerId}`
        : d.staffId !== null
          ? `s:${d.staffId}`
          : `n:${d.noticeId}`;
    groups.set(key, [...(groups.get(key) ?? []), d.noticeId]);
  }
  return [...groups.values()];
}

/**
 * Sends due notices from the notice_deliveries read model: durable rows, so notices that came due
 * while nothing ran go out on start, and a crash mid-send leaves a NoticeSending that is resent
 * with the same Message-ID once the lease lapses.
 */
export class NoticeDeliveryPoller {
  readonly name = NOTICE_DELIVERY_POLLER;
  private readonly stopping = new AbortController();
  private running: Promise<void> | null = null;

  constructor(private readonly options: NoticeDeliveryPollerOptions) {}

  /** One pass: answers how many notices it took. */
  async tick(): Promise<number> {
    const { dataSource, clock, deliverer, log } = this.options;
    const started = performance.now();
    const now = clock.now();
    const due = await claimDueNotices(
      dataSource,
      now,
      this.options.batchSize ?? DEFAULT_BATCH,
      this.options.leaseMs ?? DEFAULT_NOTICE_LEASE_MS,
    );
    deliverer.startTick();
    // The lease lapses and the notice is tried again; its stream says where it stood.
    const tally = new NoticeDeliveryTally((error) =>
      log?.(`${this.name}: recording an outcome failed: ${describeError(error)}`),
    );
    const groups = byRecipient(due);
    const lanes = this.options.lanes ?? DEFAULT_LANES;
    const wave = Math.max(1, Math.min(this.options.wave ?? DEFAULT_WAVE, lanes));
    const deliver = async (group: readonly string[]) => {
      try {
        await deliverer.deliver(group, now, tally);
      } catch (error) {
        tally.errors++;
        log?.(`${this.name}: notice ${group[0]} failed: ${describeError(error)}`);
      }
    };
    let next = 0;
    const lane = async () => {
      while (next < groups.length) {
        const taken = groups.slice(next, next + wave);
        next += taken.length;
        await Promise.all(taken.map(deliver));
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(Math.ceil(groups.length / wave), Math.ceil(lanes / wave)) },
        lane,
      ),
    );
    await tally.settled();
    const tick = tally.tick(due.length, (performance.now() - started) / 1000);
    this.options.onTick?.(tick);
    if (due.length > 0) log?.(noticeTickLine(this.name, tick));
    return due.length;
  }

  start(): void {
    // Two passes overlap: while one waits on its last sends and records, the other takes the
    // next rows (the lease keeps them apart), so the SMTP pool is never left idle between passes.
    this.running ??= Promise.all(
      Array.from({ length: this.options.overlap ?? DEFAULT_OVERLAP }, () => this.loop()),
    ).then(() => undefined);
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
      idleMs: this.options.idleMs ?? DEFAULT_IDLE_MS,
      errorBackoffMs: ERROR_BACKOFF_MS,
      scheduler: this.options.scheduler,
      log: this.options.log,
    });
  }
}
