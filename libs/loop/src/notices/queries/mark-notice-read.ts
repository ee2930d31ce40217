import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { loadNotice, runNoticeCommand } from '../delivery/notice-stream';

/**
 * The customer marks one of their sent notices read. Someone else's notice, or one not sent,
 * is not in their feed: answered as not found. Marking it again records nothing.
 */
export async function markNoticeRead(
  store: EventStore,
  customerId: string,
  noticeId: string,
  now: Date,
): Promise<{ readonly readAt: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const notice = await loadNotice(store, noticeId);
    const { state } = notice;
    if (state.recipient.customerId !== customerId || state.status !== 'sent')
      throw new DomainError('notices.not_found', 'no such notice in your feed', 'not_found', 'id');
    if (state.readAt !== null) return { readAt: state.readAt };
    const next = await runNoticeCommand(
      store,
      notice,
      { type: 'MarkNoticeRead', at: now.toISOString() },
      now,
    );
    if (next?.state.readAt) return { readAt: next.state.readAt };
  }
  throw new DomainError('notices.busy', 'the notice changed meanwhile; try again', 'conflict');
}
