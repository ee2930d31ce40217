import { Counter, Histogram, Registry } from 'prom-client';
import { SlaTimerTick } from './sla-timer-tick';

/**
 * The SLA timer poller's metrics, in the process's registry (HeardMetrics.registry). Labels are
 * the timer kind and outcome, never a case.
 */
export class SlaTimerMetrics {
  private readonly fired: Counter<'kind'>;
  private readonly unfired: Counter<'outcome'>;
  private readonly delay: Histogram<'kind'>;
  private readonly poll: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.fired = new Counter({
      name: 'heard_sla_timers_fired_total',
      help: 'SlaWarned (kind warn) and SlaBreached (kind breach) events this process appended',
      labelNames: ['kind'],
      registers,
    });
    this.unfired = new Counter({
      name: 'heard_sla_timers_unfired_total',
      help: 'Due timers taken but not fired: settled (recorded before), stale (no longer owed), failed (due again next tick)',
      labelNames: ['outcome'],
      registers,
    });
    this.delay = new Histogram({
      name: 'heard_sla_timer_delay_seconds',
      help: 'How late a warning or breach was appended after its due time',
      labelNames: ['kind'],
      // The target is 1.5 s at p99; timers that came due while nothing ran fire later.
      buckets: [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30, 60, 300, 3600],
      registers,
    });
    this.poll = new Histogram({
      name: 'heard_sla_timer_poll_duration_seconds',
      help: 'Time one tick of the SLA timer poller took, idle ticks included',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    for (const kind of ['warn', 'breach']) this.fired.inc({ kind }, 0);
    for (const outcome of ['settled', 'stale', 'failed']) this.unfired.inc({ outcome }, 0);
  }

  /** To give the poller (its onTick). */
  readonly observe = (tick: SlaTimerTick): void => {
    this.poll.observe(tick.seconds);
    for (const { kind, lateSeconds } of tick.fired) {
      this.fired.inc({ kind });
      this.delay.observe({ kind }, lateSeconds);
    }
    if (tick.settled > 0) this.unfired.inc({ outcome: 'settled' }, tick.settled);
    if (tick.stale > 0) this.unfired.inc({ outcome: 'stale' }, tick.stale);
    if (tick.failed > 0) this.unfired.inc({ outcome: 'failed' }, tick.failed);
  };
}
