import { Counter, Histogram, Registry } from 'prom-client';
import { NOTICE_CHANNELS, SUPPRESSION_REASONS } from '../notice.events';
import { NoticeDeliveryTick } from './notice-delivery-tick';

const DEFERRAL_REASONS = ['quiet_hours', 'digest'] as const;

/**
 * The notice delivery poller's metrics, in the process's registry (HeardMetrics.registry). Labels
 * are the channel, the reason and whether a failure was final, never a notice or a recipient.
 * Counters count notices (a digest's message counts each notice it carries); the histogram times
 * messages.
 */
export class NoticeDeliveryMetrics {
  private readonly sent: Counter<'channel'>;
  private readonly failed: Counter<'channel' | 'permanent'>;
  private readonly suppressed: Counter<'reason'>;
  private readonly deferred: Counter<'reason'>;
  private readonly sendSeconds: Histogram<'channel'>;
  private readonly pass: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.sent = new Counter({
      name: 'heard_notices_sent_total',
      help: 'Notices recorded as sent (NoticeSent), by channel; a digest counts each notice it carries',
      labelNames: ['channel'],
      registers,
    });
    this.failed = new Counter({
      name: 'heard_notices_failed_total',
      help: 'Notices whose send failed (NoticeFailed), by channel; permanent="true" for a final refusal (SMTP 5xx, webhook 4xx)',
      labelNames: ['channel', 'permanent'],
      registers,
    });
    this.suppressed = new Counter({
      name: 'heard_notices_suppressed_total',
      help: 'Notices not sent at send time (NoticeSuppressed), by reason: opted out, no consent, erased, no address, improvement cancelled',
      labelNames: ['reason'],
      registers,
    });
    this.deferred = new Counter({
      name: 'heard_notices_deferred_total',
      help: 'Notices held for later (NoticeDeferred), by reason: quiet hours or a digest window',
      labelNames: ['reason'],
      registers,
    });
    this.sendSeconds = new Histogram({
      name: 'heard_notice_send_seconds',
      help: 'Time one message took from being handed to its channel to the answer (SMTP, webhook, outbox)',
      labelNames: ['channel'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.pass = new Histogram({
      name: 'heard_notice_delivery_pass_seconds',
      help: 'Time one pass of the notice delivery poller took, idle passes included',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    for (const channel of NOTICE_CHANNELS) {
      this.sent.inc({ channel }, 0);
      for (const permanent of ['true', 'false']) this.failed.inc({ channel, permanent }, 0);
    }
    for (const reason of SUPPRESSION_REASONS) this.suppressed.inc({ reason }, 0);
    for (const reason of DEFERRAL_REASONS) this.deferred.inc({ reason }, 0);
  }

  /** To give the poller (its onTick). */
  readonly observe = (tick: NoticeDeliveryTick): void => {
    this.pass.observe(tick.seconds);
    for (const send of tick.sends) {
      this.sendSeconds.observe({ channel: send.channel }, send.seconds);
      if (send.ok) this.sent.inc({ channel: send.channel }, send.notices);
      else
        this.failed.inc({ channel: send.channel, permanent: String(send.permanent) }, send.notices);
    }
    for (const [reason, n] of Object.entries(tick.suppressed))
      if (n) this.suppressed.inc({ reason }, n);
    for (const [reason, n] of Object.entries(tick.deferred))
      if (n) this.deferred.inc({ reason }, n);
  };
}
