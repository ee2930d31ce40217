import type { RecordedEvent } from '@heard/event-store';
import type { ScheduleNoticeOptions } from '../notices/schedule-notice';

/** Recorded as the actor of every notice the loops schedule. */
export const LOOP_ACTOR = 'heard:loop';

/** A notice scheduled because of `cause` carries it as causation, and its correlation on. */
export const causedBy = (cause: RecordedEvent): ScheduleNoticeOptions => ({
  causationId: cause.eventId,
  correlationId: cause.correlationId ?? cause.eventId,
  actor: LOOP_ACTOR,
});
