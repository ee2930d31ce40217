export * from './notices/notice.events';
export * from './notices/notice-id';
export * from './notices/schedule-notice';
