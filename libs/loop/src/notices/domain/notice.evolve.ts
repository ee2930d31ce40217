import { NoticeEvent } from '../notice.events';
import { NoticeState } from './notice.state';

export function evolveNotice(state: NoticeState, event: NoticeEvent): NoticeState {
  switch (event.type) {
    case 'NoticeScheduled': {
      const d = event.data;
      return {
        ...state,
        status: 'scheduled',
        noticeId: d.noticeId,
        kind: d.kind,
        recipient: d.recipient,
        refs: d.refs,
        scheduledAt: d.at,
        dueAt: d.notBefore,
      };
    }
    case 'NoticeDeferred':
      return {
        ...state,
        status: 'deferred',
        dueAt: event.data.until,
        digestHeldUntil: event.data.reason === 'digest' ? event.data.until : state.digestHeldUntil,
      };
    case 'NoticeSending': {
      const d = event.data;
      return {
        ...state,
        status: 'sending',
        // Due again at once: only a crash leaves a notice here, and its resend is owed.
        dueAt: d.at,
        attempts: Math.max(state.attempts, d.attempt),
        current: {
          attempt: d.attempt,
          channel: d.channel,
          messageId: d.messageId,
          digestId: d.digestId,
          digestNoticeIds: d.digestNoticeIds ?? [],
        },
      };
    }
    case 'NoticeSent':
      return { ...state, status: 'sent', dueAt: null, sentAt: event.data.at };
    case 'NoticeFailed':
      return {
        ...state,
        status: 'failed',
        dueAt: event.data.retryAt,
        lastError: event.data.error,
      };
    case 'NoticeSuppressed':
      return { ...state, status: 'suppressed', dueAt: null, suppressedFor: event.data.reason };
    case 'NoticeRead':
      return { ...state, readAt: event.data.at };
    default:
      return state;
  }
}
