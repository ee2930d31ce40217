export * from './notices/notice.events';
export * from './notices/notice-id';
export * from './notices/schedule-notice';
export * from './improvements/improvement.events';
export * from './inner-loop';
export * from './loop-rate';
