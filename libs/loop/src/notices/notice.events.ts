import { DomainEvent } from '@heard/event-store';

/**
 * Why a notice exists. Case notices answer one customer about one case (the inner loop); a
 * `you_changed_this` notice tells a customer an improvement their feedback led to has shipped
 * (the outer loop); `staff_alert` tells a member of staff about an SLA warning, breach or
 * escalation.
 */
export const NOTICE_KINDS = [
  'case_acknowledged',
  'case_reply',
  'case_resolved',
  'thank_you',
  'you_changed_this',
  'staff_alert',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_CHANNELS = ['email', 'sms', 'push', 'in_app'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * What a notice is about, by id only: the words, names and addresses are looked up at send time
 * through the personal-data port, so an erased customer's notice has nothing left to say.
 */
export interface NoticeRefs {
  readonly caseId?: string;
  /** The case event that caused it (acknowledgement, reply, resolution). */
  readonly caseEventId?: string;
  readonly feedbackIds?: readonly string[];
  readonly improvementId?: string;
  /** For staff alerts: which target, which level. */
  readonly slaTarget?: string;
  readonly escalationLevel?: number;
}

/** The recipient: a customer (by id) or a member of staff (by actor id, for staff alerts). */
export interface NoticeRecipient {
  readonly customerId?: string;
  readonly staffId?: string;
}

/** The first event of `notice-<id>`; its id is derived from what caused it (see notice-id.ts). */
export type NoticeScheduled = DomainEvent<
  'NoticeScheduled',
  {
    readonly noticeId: string;
    readonly kind: NoticeKind;
    readonly recipient: NoticeRecipient;
    readonly refs: NoticeRefs;
    /** The channel preferred when scheduled; delivery re-reads preferences at send time. */
    readonly channel: NoticeChannel | null;
    /** Not before this instant (ISO 8601): digests and quiet hours move it later, never drop it. */
    readonly notBefore: string;
    readonly at: string;
  }
>;

/** Held until `until` (quiet hours, a digest window); the notice is still owed. */
export type NoticeDeferred = DomainEvent<
  'NoticeDeferred',
  {
    readonly noticeId: string;
    readonly until: string;
    readonly reason: 'quiet_hours' | 'digest';
    readonly at: string;
  }
>;

/** Recorded before the send: a crash after this and before NoticeSent resends the same message. */
export type NoticeSending = DomainEvent<
  'NoticeSending',
  {
    readonly noticeId: string;
    readonly attempt: number;
    readonly channel: NoticeChannel;
    /** The Message-ID / Idempotency-Key, the same on every attempt. */
    readonly messageId: string;
    /** Set when the notice goes out inside a digest with others. */
    readonly digestId: string | null;
    /** With a digestId: every notice the digest carries, so a resend after a crash carries them all. */
    readonly digestNoticeIds?: readonly string[];
    readonly at: string;
  }
>;

export type NoticeSent = DomainEvent<
  'NoticeSent',
  {
    readonly noticeId: string;
    readonly attempt: number;
    readonly channel: NoticeChannel;
    readonly messageId: string;
    readonly digestId: string | null;
    readonly at: string;
  }
>;

/** The error is the channel's own (an SMTP reply code, an HTTP status), never message content. */
export type NoticeFailed = DomainEvent<
  'NoticeFailed',
  {
    readonly noticeId: string;
    readonly attempt: number;
    readonly error: string;
    readonly permanent: boolean;
    /** When the next attempt is due; null when no attempt follows. */
    readonly retryAt: string | null;
    readonly at: string;
  }
>;

export const SUPPRESSION_REASONS = [
  'opted_out',
  'no_consent',
  'erased',
  'no_address',
  'improvement_cancelled',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type NoticeSuppressed = DomainEvent<
  'NoticeSuppressed',
  { readonly noticeId: string; readonly reason: SuppressionReason; readonly at: string }
>;

/** The customer marked an in-app notice read. */
export type NoticeRead = DomainEvent<
  'NoticeRead',
  { readonly noticeId: string; readonly at: string }
>;

export type NoticeEvent =
  | NoticeScheduled
  | NoticeDeferred
  | NoticeSending
  | NoticeSent
  | NoticeFailed
  | NoticeSuppressed
  | NoticeRead;
