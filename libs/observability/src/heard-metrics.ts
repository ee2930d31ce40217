import { Clock, CommittedGroup, EventStore, systemClock } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { oldestCheckpoint, SubscriptionLag, subscriptionLag } from './subscription-lag';

/** Lag is read from at most this many events per scrape, as /ready counts it. */
const LAG_READ_LIMIT = 10_000;

const SUBSCRIPTION_LABELS = ['subscription', 'kind'] as const;

export interface WatchedSubscriptions {
  readonly statuses: () => readonly RunnerStatus[];
  /** Where lag is read from: the log the subscriptions follow. */
  readonly store: EventStore;
  readonly clock?: Clock;
}

/**
 * Every metric of one process in a registry of its own (so that two apps in one test process
 * never share counters), in Prometheus text format. Labels carry route templates and names,
 * never ids or personal data.
 */
export class HeardMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'heard_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly requestSeconds = new Histogram({
    name: 'heard_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly appends = new Counter({
    name: 'heard_event_store_appends_total',
    help: 'Appends committed by this process (group commits), refused ones included',
    registers: [this.registry],
  });
  private readonly appendedEvents = new Counter({
    name: 'heard_event_store_appended_events_total',
    help: 'Events in the appends committed by this process',
    registers: [this.registry],
  });
  private readonly groupSize = new Histogram({
    name: 'heard_event_store_group_commit_appends',
    help: 'Appends one group commit (one transaction) carried',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers: [this.registry],
  });
  private readonly groupSeconds = new Histogram({
    name: 'heard_event_store_group_commit_duration_seconds',
    help: 'Time one group commit took to write and flush',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** `route` is the matched template (`/v1/cases/:id`), or `unmatched`. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  /** To give the event store (createEventStore's onGroupCommit). */
  readonly observeGroupCommit = (group: CommittedGroup): void => {
    this.appends.inc(group.appends);
    this.appendedEvents.inc(group.events);
    this.groupSize.observe(group.appends);
    this.groupSeconds.observe(group.seconds);
  };

  /** Each subscription's checkpoint, lag and handler errors, read when scraped. */
  watchSubscriptions(watched: WatchedSubscriptions): void {
    const clock = watched.clock ?? systemClock;
    // The gauges are collected side by side; one read of the log serves them all.
    let pending: Promise<SubscriptionLag[]> | null = null;
    const lag = (): Promise<SubscriptionLag[]> => {
      pending ??= (async () => {
        const statuses = watched.statuses();
        if (statuses.length === 0) return [];
        const ahead = await watched.store.readAll({
          after: oldestCheckpoint(statuses),
          limit: LAG_READ_LIMIT,
        });
        return subscriptionLag(statuses, ahead, clock.now());
      })().finally(() => (pending = null));
      return pending;
    };
    const labelsOf = (s: RunnerStatus) => ({ subscription: s.name, kind: s.kind });
    const gauge = (name: string, help: string, value: (l: SubscriptionLag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: SUBSCRIPTION_LABELS,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const l of await lag()) this.set(labelsOf(l.status), value(l));
        },
      });
    gauge(
      'heard_subscription_checkpoint',
      'Global position of the last event whose effects the subscription committed',
      (l) => Number(l.status.checkpoint),
    );
    gauge(
      'heard_subscription_events_behind',
      `Events in the log after the checkpoint (counted up to ${LAG_READ_LIMIT})`,
      (l) => l.eventsBehind,
    );
    gauge(
      'heard_subscription_seconds_behind',
      'Age of the oldest event the subscription has not applied yet; 0 when caught up',
      (l) => l.secondsBehind,
    );
    gauge(
      'heard_subscription_up',
      '1 while the subscription runs (catching up, live or retrying), 0 once it stopped or failed',
      (l) => (l.status.state === 'stopped' || l.status.state === 'failed' ? 0 : 1),
    );
    // A counter that only moves forward: the runners count their errors since they started.
    const seen = new Map<string, number>();
    new Counter({
      name: 'heard_subscription_handler_errors_total',
      help: 'Errors the subscription handler raised (a failed batch or a retried event)',
      labelNames: SUBSCRIPTION_LABELS,
      registers: [this.registry],
      collect() {
        for (const s of watched.statuses()) {
          const errors = s.failures;
          const before = seen.get(s.name) ?? 0;
          if (errors > before) this.inc(labelsOf(s), errors - before);
          else if (!seen.has(s.name)) this.inc(labelsOf(s), 0);
          seen.set(s.name, Math.max(before, errors));
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
