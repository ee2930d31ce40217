import { NOTICE_CHANNELS, NOTICE_KINDS, SUPPRESSION_REASONS } from '@heard/loop';

export { NOTICE_CHANNELS, NOTICE_KINDS, SUPPRESSION_REASONS };
export const NOTICE_STATUSES = [
  'scheduled',
  'deferred',
  'sending',
  'sent',
  'failed',
  'suppressed',
] as const;
