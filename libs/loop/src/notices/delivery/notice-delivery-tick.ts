import { NoticeChannel, SuppressionReason } from '../notice.events';

/** One message handed to a channel (a digest is one message for several notices). */
export interface NoticeSendOutcome {
  readonly channel: NoticeChannel;
  readonly ok: boolean;
  /** Only for a failure: the channel's final word (SMTP 5xx, webhook 4xx). */
  readonly permanent: boolean;
  /** The notices the message carried. */
  readonly notices: number;
  /** From handing it to the channel to its answer. */
  readonly seconds: number;
}

export type DeferralReason = 'quiet_hours' | 'digest';

/**
 * What one pass of the delivery poller did, in counts and times: for metrics and the log, so it
 * names no notice, customer or address. Plain data, so the embedded subscriptions thread can post
 * it to the API's thread.
 */
export interface NoticeDeliveryTick {
  /** From claiming the due rows to recording the last outcome (wall time). */
  readonly seconds: number;
  /** Due notices the pass took. */
  readonly due: number;
  readonly sends: readonly NoticeSendOutcome[];
  readonly suppressed: Readonly<Partial<Record<SuppressionReason, number>>>;
  readonly deferred: Readonly<Partial<Record<DeferralReason, number>>>;
  /** Recipients whose delivery threw; their leases lapse and they are tried again. */
  readonly errors: number;
}

/** Collects one pass's outcomes; the deliverer adds to it, the poller reads it at the end. */
export class NoticeDeliveryTally {
  readonly sends: NoticeSendOutcome[] = [];
  readonly suppressed: Partial<Record<SuppressionReason, number>> = {};
  readonly deferred: Partial<Record<DeferralReason, number>> = {};
  errors = 0;
  private readonly recording = new Set<Promise<void>>();

  /** `onError`: told of a tracked piece of work that failed (the poller logs it). */
  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  suppress(reason: SuppressionReason): void {
    this.suppressed[reason] = (this.suppressed[reason] ?? 0) + 1;
  }

  defer(reason: DeferralReason): void {
    this.deferred[reason] = (this.deferred[reason] ?? 0) + 1;
  }

  /**
   * Work the pass must finish before it ends but its lane need not wait for (recording a send's
   * outcome): the lane takes its next recipient meanwhile. A failure is counted and reported.
   */
  track(work: Promise<void>): void {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => {
        this.errors++;
        this.onError(error);
      },
    );
    this.recording.add(tracked);
    void tracked.finally(() => this.recording.delete(tracked));
  }

  /** Resolves once everything tracked has settled. */
  async settled(): Promise<void> {
    while (this.recording.size > 0) await Promise.all(this.recording);
  }

  tick(due: number, seconds: number): NoticeDeliveryTick {
    return {
      seconds,
      due,
      sends: this.sends,
      suppressed: { ...this.suppressed },
      deferred: { ...this.deferred },
      errors: this.errors,
    };
  }
}

const sum = (counts: Readonly<Partial<Record<string, number>>>): number =>
  Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);

/** One log line for a pass that took notices; counts only. */
export function noticeTickLine(name: string, tick: NoticeDeliveryTick): string {
  const sent = tick.sends.filter((s) => s.ok).reduce((a, s) => a + s.notices, 0);
  const failed = tick.sends.filter((s) => !s.ok);
  const permanent = failed.filter((s) => s.permanent).reduce((a, s) => a + s.notices, 0);
  const failedNotices = failed.reduce((a, s) => a + s.notices, 0);
  const listed = (counts: Readonly<Partial<Record<string, number>>>) => {
    const parts = Object.entries(counts).map(([reason, n]) => `${reason} ${n ?? 0}`);
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  };
  return (
    `${name}: ${tick.due} due notice(s) in ${Math.round(tick.seconds * 1000)} ms: ` +
    `${sent} sent in ${tick.sends.filter((s) => s.ok).length} message(s), ` +
    `${failedNotices} failed (${permanent} permanently), ` +
    `${sum(tick.suppressed)} suppressed${listed(tick.suppressed)}, ` +
    `${sum(tick.deferred)} deferred${listed(tick.deferred)}, ${tick.errors} error(s)`
  );
}
