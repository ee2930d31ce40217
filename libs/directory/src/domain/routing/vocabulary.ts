// Directory names for the shared vocabulary in @heard/kernel.
export {
  FEEDBACK_KINDS,
  CHANNELS as FEEDBACK_CHANNELS,
  PRIORITIES as CASE_PRIORITIES,
} from '@heard/kernel';
export type {
  FeedbackKind,
  Channel as FeedbackChannel,
  Priority as CasePriority,
} from '@heard/kernel';
