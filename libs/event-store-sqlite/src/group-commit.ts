import { GroupCommitObserver } from '@heard/event-store';

/** What one job of a group came to: its own result or its own error. */
export type Outcome<Result> =
  { readonly ok: true; readonly value: Result } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitStats {
  /** Groups written, each in one transaction. */
  readonly groups: number;
  readonly jobs: number;
  readonly largestGroup: number;
  /** Time spent writing and committing, fsync included: tells a slow disk from a busy CPU. */
  readonly writeMs: number;
}

export interface GroupCommitOptions<Job, Result> {
  /**
   * Writes a group in one transaction and returns one outcome per job, in order.
   * Throwing means nothing was committed: every job of the group fails with that error.
   */
  write(jobs: readonly Job[]): Outcome<Result>[];
  /** Runs after a group committed, before its callers hear back. */
  committed(): void;
  /** Told of each committed group; its `events` are the jobs' weight. */
  readonly observe?: GroupCommitObserver;
  /** A job's size (events), so one group stays a bounded transaction. */
  weight(job: Job): number;
  readonly maxGroupWeight: number;
}

interface Pending<Job, Result> {
  readonly job: Job;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

/**
 * Collects jobs submitted while the event loop is busy and writes them together on setImmediate,
 * so many concurrent callers share one commit (one fsync) instead of queueing for one each.
 */
export class GroupCommit<Job, Result> {
  private queue: Pending<Job, Result>[] = [];
  private scheduled = false;
  private groups = 0;
  private jobs = 0;
  private largestGroup = 0;
  private writeNs = 0n;

  constructor(private readonly options: GroupCommitOptions<Job, Result>) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything queued now, without waiting for the next turn of the event loop. */
  flushAll(): void {
    while (this.queue.length > 0) this.flushGroup();
  }

  stats(): GroupCommitStats {
    return {
      groups: this.groups,
      jobs: this.jobs,
      largestGroup: this.largestGroup,
      writeMs: Number(this.writeNs) / 1e6,
    };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushGroup();
      if (this.queue.length > 0) this.schedule();
    });
  }

  private flushGroup(): void {
    const group = this.takeGroup();
    if (group.length === 0) return;
    let outcomes: Outcome<Result>[];
    const started = process.hrtime.bigint();
    let tookNs = 0n;
    try {
      outcomes = this.options.write(group.map((p) => p.job));
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    } finally {
      tookNs = process.hrtime.bigint() - started;
      this.writeNs += tookNs;
    }
    if (this.options.observe) {
      const weight = group.reduce((sum, p) => sum + this.options.weight(p.job), 0);
      this.options.observe({
        appends: group.length,
        events: weight,
        seconds: Number(tookNs) / 1e9,
      });
    }
    this.groups++;
    this.jobs += group.length;
    this.largestGroup = Math.max(this.largestGroup, group.length);
    this.options.committed();
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  private takeGroup(): Pending<Job, Result>[] {
    let weight = 0;
    let count = 0;
    while (count < this.queue.length) {
      weight += this.options.weight(this.queue[count].job);
      // The first job always goes, however big: it can never fit better later.
      if (count > 0 && weight > this.options.maxGroupWeight) break;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
