import { ConcurrencyError, EventIdReusedError, EventStore } from '@heard/event-store';
import { NoticeScheduled } from './notice.events';
import { noticeStreamId } from './notice-id';

export type ScheduleNoticeData = NoticeScheduled['data'];

export interface ScheduleNoticeOptions {
  readonly causationId?: string | null;
  readonly correlationId?: string | null;
  readonly actor?: string | null;
}

/**
 * Opens `notice-<id>` with its NoticeScheduled event. The id is derived from the cause, so a
 * replay, a retry or a second reactor finds the stream there and appends nothing: answers
 * `scheduled` the first time and `already` after.
 */
export async function scheduleNotice(
  store: EventStore,
  data: ScheduleNoticeData,
  options: ScheduleNoticeOptions = {},
): Promise<'scheduled' | 'already'> {
  try {
    await store.append(
      noticeStreamId(data.noticeId),
      [
        {
          eventId: data.noticeId,
          type: 'NoticeScheduled',
          data,
          occurredAt: new Date(data.at),
          causationId: options.causationId ?? null,
          correlationId: options.correlationId ?? null,
          actor: options.actor ?? null,
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    return 'scheduled';
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof EventIdReusedError) return 'already';
    throw error;
  }
}
