import { uuidV8FromName } from '@heard/event-store';

export const noticeStreamId = (noticeId: string): string => `notice-${noticeId}`;

/** One "you changed this" per customer and improvement, however many of their items are linked. */
export const youChangedThisNoticeId = (customerId: string, improvementId: string): string =>
  uuidV8FromName(`notice|you_changed_this|${customerId}|${improvementId}`);

/** One notice per case event that a customer hears about (acknowledgement, reply, resolution). */
export const caseEventNoticeId = (caseEventId: string): string =>
  uuidV8FromName(`notice|case_event|${caseEventId}`);

/** One thank-you per positive feedback item. */
export const thankYouNoticeId = (feedbackId: string): string =>
  uuidV8FromName(`notice|thank_you|${feedbackId}`);

/** One alert per SLA event (warning, breach, escalation) per member of staff told. */
export const staffAlertNoticeId = (slaEventId: string, staffId: string): string =>
  uuidV8FromName(`notice|staff_alert|${slaEventId}|${staffId}`);
