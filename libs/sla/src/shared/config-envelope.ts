import type { DomainEvent, NewEvent } from '@heard/event-store';
import { ConfigStamp } from './config-fields';

/** Tracing ids from the request; optional because admin edits may have none. */
export interface ConfigCommandContext {
  readonly correlationId?: string | null;
  readonly causationId?: string | null;
}

/** The envelope repeats the stamp so readers of the global log need not open the data. */
export const configEnvelope =
  (context: ConfigCommandContext) =>
  (event: DomainEvent<string, ConfigStamp>): Omit<NewEvent, 'type' | 'data'> => ({
    occurredAt: new Date(event.data.at),
    actor: event.data.by,
    correlationId: context.correlationId ?? null,
    causationId: context.causationId ?? null,
  });
