import {
  NoticeChannel,
  NoticeKind,
  NoticeRecipient,
  NoticeRefs,
  SuppressionReason,
} from '../notice.events';

export type NoticeStatus =
  'unscheduled' | 'scheduled' | 'deferred' | 'sending' | 'sent' | 'failed' | 'suppressed';

/** The send in progress or last begun: a resend after a crash repeats exactly this. */
export interface NoticeAttempt {
  readonly attempt: number;
  readonly channel: NoticeChannel;
  readonly messageId: string;
  readonly digestId: string | null;
  readonly digestNoticeIds: readonly string[];
}

export interface NoticeState {
  readonly status: NoticeStatus;
  readonly noticeId: string | null;
  readonly kind: NoticeKind | null;
  readonly recipient: NoticeRecipient;
  readonly refs: NoticeRefs;
  readonly scheduledAt: string | null;
  /** When the next step is owed; null once final (sent, suppressed, failed for good). */
  readonly dueAt: string | null;
  /** Attempts begun (NoticeSending) so far. */
  readonly attempts: number;
  readonly current: NoticeAttempt | null;
  /** Set once the notice has been held for a digest window: it is not held twice. */
  readonly digestHeldUntil: string | null;
  readonly lastError: string | null;
  readonly suppressedFor: SuppressionReason | null;
  readonly sentAt: string | null;
  readonly readAt: string | null;
}

export const initialNoticeState = (): NoticeState => ({
  status: 'unscheduled',
  noticeId: null,
  kind: null,
  recipient: {},
  refs: {},
  scheduledAt: null,
  dueAt: null,
  attempts: 0,
  current: null,
  digestHeldUntil: null,
  lastError: null,
  suppressedFor: null,
  sentAt: null,
  readAt: null,
});

/** Nothing more is owed: no attempt follows. */
export const isFinal = (state: NoticeState): boolean =>
  state.status === 'sent' ||
  state.status === 'suppressed' ||
  (state.status === 'failed' && state.dueAt === null);
