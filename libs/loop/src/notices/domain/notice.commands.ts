import { NoticeChannel, SuppressionReason } from '../notice.events';

/** Hold the notice until `until` (quiet hours, a digest window). */
export interface DeferNotice {
  readonly type: 'DeferNotice';
  readonly until: string;
  readonly reason: 'quiet_hours' | 'digest';
  readonly at: string;
}

/** Record the send about to happen; a notice already sending resumes its recorded attempt. */
export interface BeginSending {
  readonly type: 'BeginSending';
  readonly channel: NoticeChannel;
  readonly messageId: string;
  readonly digestId: string | null;
  readonly digestNoticeIds: readonly string[];
  readonly at: string;
}

export interface RecordSent {
  readonly type: 'RecordSent';
  readonly at: string;
}

/**
 * The channel refused or could not be reached. `jitter` (0 to 1) is drawn by the caller: the
 * decider stays pure and tests choose it.
 */
export interface RecordFailure {
  readonly type: 'RecordFailure';
  readonly error: string;
  readonly permanent: boolean;
  readonly maxAttempts: number;
  readonly jitter: number;
  readonly at: string;
}

export interface SuppressNotice {
  readonly type: 'SuppressNotice';
  readonly reason: SuppressionReason;
  readonly at: string;
}

export interface MarkNoticeRead {
  readonly type: 'MarkNoticeRead';
  readonly at: string;
}

export type NoticeCommand =
  DeferNotice | BeginSending | RecordSent | RecordFailure | SuppressNotice | MarkNoticeRead;
