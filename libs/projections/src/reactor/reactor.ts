import { RecordedEvent } from '@heard/event-store';

/**
 * A side-effecting subscriber (send a notice, issue a command, publish to Kafka). Delivery is
 * at least once: deduplicate on `event.eventId` or derive ids from it, so a redelivery is harmless.
 */
export interface Reactor {
  /** Unique among projections and reactors: it keys the stored checkpoint. */
  readonly name: string;
  canHandle(type: string): boolean;
  handle(event: RecordedEvent): Promise<void>;
  /**
   * Events of one partition are handled in log order; different partitions may run at once when
   * the runner allows concurrency. Without it, every event is handled in log order.
   */
  partitionOf?(event: RecordedEvent): Promise<string>;
  /**
   * Sees every event of each batch, handled or not, before any of the batch is handled: lets a
   * reactor keep what it reads (the directory) and know exactly when it changed.
   */
  observe?(events: readonly RecordedEvent[]): void;
}
