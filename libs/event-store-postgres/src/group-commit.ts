import { AppendResult, GroupCommitObserver } from '@heard/event-store';

export type GroupOutcome =
  | { readonly kind: 'done'; readonly result: AppendResult }
  | { readonly kind: 'failed'; readonly error: unknown }
  /** Put back in the queue for a later group; `error` is the answer once retries run out. */
  | { readonly kind: 'retry'; readonly error: unknown };

/** Counters since start, to tell how much one commit served. */
export interface GroupCommitStats {
  readonly groups: number;
  readonly appends: number;
  readonly events: number;
}

/** Writes a group in one transaction and answers each append on its own. */
export type GroupWriter<A> = (group: readonly A[]) => Promise<GroupOutcome[]>;

export interface GroupCommitLimits {
  /** Groups written at the same time, each in its own transaction. */
  readonly maxConcurrentGroups: number;
  /** A group is closed at this many events (an append bigger than that goes alone). */
  readonly maxGroupEvents: number;
  /** Queued work is split over free slots only into groups of at least this many events. */
  readonly minSplitEvents: number;
  readonly maxRetries: number;
}

interface GroupedAppend {
  readonly streamId: string;
  readonly events: readonly { readonly eventId: string }[];
}

interface Entry<A> {
  readonly append: A;
  readonly seq: number;
  retries: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while a transaction is being written wait and then go
 * together in the next one, so one commit (one WAL flush) serves many callers. A stream is never
 * in two groups at once and keeps its call order; equal event ids never share a group, so a
 * retry racing its original is answered by the id lookup instead of failing the whole group.
 */
export class GroupCommit<A extends GroupedAppend> {
  private queue: Entry<A>[] = [];
  private readonly busyStreams = new Set<string>();
  private inFlight = 0;
  private seq = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private counters = { groups: 0, appends: 0, events: 0 };

  constructor(
    private readonly write: GroupWriter<A>,
    private readonly limits: GroupCommitLimits,
    private readonly observe?: GroupCommitObserver,
  ) {}

  submit(append: A): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, seq: this.seq++, retries: 0, resolve, reject });
      this.schedule();
    });
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Resolves once nothing is queued or being written. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // A microtask lets the appends of one tick share the first group.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.limits.maxConcurrentGroups && this.queue.length > 0) {
      const group = this.take(this.groupSize());
      if (group.length === 0) break;
      this.inFlight++;
      this.counters.groups++;
      this.counters.appends += group.length;
      for (const e of group) this.counters.events += e.append.events.length;
      for (const e of group) this.busyStreams.add(e.append.streamId);
      void this.run(group);
    }
    if (this.queue.length === 0 && this.inFlight === 0) {
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  // Big queued work is shared out over the free slots, so that groups overlap on the server's
  // cores. Small work stays in one group: PostgreSQL serialises the commits of transactions that
  // NOTIFY, so a second small group costs a whole commit and saves next to nothing.
  private groupSize(): number {
    const free = this.limits.maxConcurrentGroups - this.inFlight;
    const queued = this.queue.reduce((sum, e) => sum + e.append.events.length, 0);
    const share = Math.max(this.limits.minSplitEvents, Math.ceil(queued / free));
    return Math.min(this.limits.maxGroupEvents, share);
  }

  private take(maxEvents: number): Entry<A>[] {
    const group: Entry<A>[] = [];
    const rest: Entry<A>[] = [];
    const held = new Set<string>();
    const ids = new Set<string>();
    let events = 0;
    for (const entry of this.queue) {
      const { streamId, events: batch } = entry.append;
      const fits = group.length === 0 || events + batch.length <= maxEvents;
      if (
        !fits ||
        held.has(streamId) ||
        this.busyStreams.has(streamId) ||
        batch.some((e) => ids.has(e.eventId))
      ) {
        held.add(streamId); // later appends to this stream wait behind this one
        rest.push(entry);
        continue;
      }
      group.push(entry);
      events += batch.length;
      for (const e of batch) ids.add(e.eventId);
    }
    this.queue = rest;
    return group;
  }

  private async run(group: Entry<A>[]): Promise<void> {
    let outcomes: GroupOutcome[];
    const started = process.hrtime.bigint();
    try {
      outcomes = await this.write(group.map((e) => e.append));
      this.observe?.({
        appends: group.length,
        events: group.reduce((sum, e) => sum + e.append.events.length, 0),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    } catch (error) {
      outcomes = group.map(() => ({ kind: 'failed', error }));
    }
    this.inFlight--;
    for (const e of group) this.busyStreams.delete(e.append.streamId);
    const again: Entry<A>[] = [];
    group.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome.kind === 'done') entry.resolve(outcome.result);
      else if (outcome.kind === 'retry' && entry.retries++ < this.limits.maxRetries)
        again.push(entry);
      else entry.reject(outcome.error);
    });
    if (again.length > 0) this.queue = [...again, ...this.queue].sort((a, b) => a.seq - b.seq);
    this.drain();
  }
}
