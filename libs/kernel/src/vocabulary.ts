/** The words every context shares: one list each, so a new channel or priority is added once. */
export const FEEDBACK_KINDS = ['complaint', 'review', 'survey', 'suggestion', 'praise'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const CHANNELS = [
  'store',
  'app',
  'web',
  'call_centre',
  'email',
  'social',
  'survey',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
