import {
  ConcurrencyError,
  EventIdReusedError,
  EventStore,
  uuidV8FromName,
} from '@heard/event-store';
import { NoticeCommand } from '../domain/notice.commands';
import { noticeDecider } from '../domain/notice.decider';
import { NoticeState } from '../domain/notice.state';
import { NoticeEvent } from '../notice.events';
import { noticeStreamId } from '../notice-id';

/** Recorded as the actor of everything delivery appends to a notice. */
export const DELIVERY_ACTOR = 'heard:delivery';

export interface LoadedNotice {
  readonly noticeId: string;
  readonly state: NoticeState;
  readonly version: number;
}

export async function loadNotice(store: EventStore, noticeId: string): Promise<LoadedNotice> {
  const history = await store.readStream(noticeStreamId(noticeId));
  const state = history.reduce(
    (s, e) => noticeDecider.evolve(s, { type: e.type, data: e.data } as NoticeEvent),
    noticeDecider.initialState(),
  );
  return {
    noticeId,
    state,
    version: history.length === 0 ? 0 : history[history.length - 1].streamVersion,
  };
}

/**
 * Decides and appends at the version read. Event ids derive from the notice, the version and the
 * type, so two senders deciding the same next step append it once; the loser answers null and
 * leaves the notice to the winner.
 */
export async function runNoticeCommand(
  store: EventStore,
  notice: LoadedNotice,
  command: NoticeCommand,
  now: Date,
): Promise<LoadedNotice | null> {
  const events = noticeDecider.decide(command, notice.state);
  if (events.length === 0) return notice;
  try {
    await store.append(
      noticeStreamId(notice.noticeId),
      events.map((event, i) => ({
        ...event,
        eventId: uuidV8FromName(
          `notice-event|${notice.noticeId}|${notice.version + 1 + i}|${event.type}`,
        ),
        occurredAt: now,
        actor: DELIVERY_ACTOR,
        causationId: notice.noticeId,
        correlationId: notice.noticeId,
      })),
      { expectedVersion: notice.version },
    );
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof EventIdReusedError) return null;
    throw error;
  }
  return {
    noticeId: notice.noticeId,
    state: events.reduce(noticeDecider.evolve, notice.state),
    version: notice.version + events.length,
  };
}
