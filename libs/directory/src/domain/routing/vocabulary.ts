// The same words as @heard/feedback (kinds, channels) and @heard/cases (priorities). Copied rather
// than imported because cases will depend on the directory for routing, and a cycle would follow.
export const FEEDBACK_KINDS = ['complaint', 'review', 'survey', 'suggestion', 'praise'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_CHANNELS = [
  'store',
  'app',
  'web',
  'call_centre',
  'email',
  'social',
  'survey',
] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
