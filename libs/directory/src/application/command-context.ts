import type { DomainEvent, NewEvent } from '@heard/event-store';
import { ChangeStamp } from '../domain/shared/change-stamp';

/** Tracing ids from the request or the causing event; optional because admin edits may have none. */
export interface CommandContext {
  readonly correlationId?: string | null;
  readonly causationId?: string | null;
}

/** The envelope repeats the stamp so readers of the global log need not open the data. */
export const stampEnvelope =
  (context: CommandContext) =>
  (event: DomainEvent<string, ChangeStamp>): Omit<NewEvent, 'type' | 'data'> => ({
    occurredAt: new Date(event.data.at),
    actor: event.data.by,
    correlationId: context.correlationId ?? null,
    causationId: context.causationId ?? null,
  });
