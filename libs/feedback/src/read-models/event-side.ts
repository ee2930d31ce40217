import { RecordedEvent } from '@heard/event-store';
import { FEEDBACK_EVENT_TYPES } from './apply-feedback-event';

const FEEDBACK_TYPES = new Set(FEEDBACK_EVENT_TYPES);

/**
 * Which of the projection's writers an event goes to. Type names are unique across streams today;
 * the stream prefix keeps it so if one is reused.
 */
export function eventSide(event: RecordedEvent): 'feedback' | 'case' | null {
  if (FEEDBACK_TYPES.has(event.type) && event.streamId.startsWith('feedback-')) return 'feedback';
  if (event.streamId.startsWith('case-')) return 'case';
  return null;
}
