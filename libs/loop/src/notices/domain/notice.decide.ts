import { NoticeEvent } from '../notice.events';
import { NoticeCommand } from './notice.commands';
import { isFinal, NoticeState } from './notice.state';
import { retryDelayMs } from './retry-backoff';

const plusMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/**
 * The rules of one notice. Commands that arrive late (a second poller, a replay, a resend after a
 * crash) decide nothing rather than refuse: delivery is retried, and a retry must be a no-op.
 */
export function decideNotice(command: NoticeCommand, state: NoticeState): NoticeEvent[] {
  const noticeId = state.noticeId;
  if (noticeId === null) return [];
  switch (command.type) {
    case 'DeferNotice':
      if (isFinal(state) || state.status === 'sending') return [];
      if (state.dueAt !== null && Date.parse(state.dueAt) >= Date.parse(command.until)) return [];
      return [
        {
          type: 'NoticeDeferred',
          data: { noticeId, until: command.until, reason: command.reason, at: command.at },
        },
      ];
    case 'BeginSending':
      if (isFinal(state) || state.status === 'sending') return [];
      return [
        {
          type: 'NoticeSending',
          data: {
            noticeId,
            attempt: state.attempts + 1,
            channel: command.channel,
            messageId: command.messageId,
            digestId: command.digestId,
            ...(command.digestId === null ? {} : { digestNoticeIds: command.digestNoticeIds }),
            at: command.at,
          },
        },
      ];
    case 'RecordSent': {
      const current = state.current;
      if (state.status !== 'sending' || current === null) return [];
      return [
        {
          type: 'NoticeSent',
          data: {
            noticeId,
            attempt: current.attempt,
            channel: current.channel,
            messageId: current.messageId,
            digestId: current.digestId,
            at: command.at,
          },
        },
      ];
    }
    case 'RecordFailure': {
      const current = state.current;
      if (state.status !== 'sending' || current === null) return [];
      const last = command.permanent || current.attempt >= command.maxAttempts;
      const retryAt = last
        ? null
        : plusMs(command.at, retryDelayMs(current.attempt, command.jitter));
      return [
        {
          type: 'NoticeFailed',
          data: {
            noticeId,
            attempt: current.attempt,
            error: command.error,
            permanent: command.permanent,
            retryAt,
            at: command.at,
          },
        },
      ];
    }
    case 'SuppressNotice':
      if (isFinal(state)) return [];
      return [
        { type: 'NoticeSuppressed', data: { noticeId, reason: command.reason, at: command.at } },
      ];
    case 'MarkNoticeRead':
      if (state.status !== 'sent' || state.readAt !== null) return [];
      return [{ type: 'NoticeRead', data: { noticeId, at: command.at } }];
  }
}
