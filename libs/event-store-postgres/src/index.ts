export * from './global-position';
export type { GroupCommitLimits, GroupCommitStats } from './group-commit';
export * from './postgres-event-store';
export * from './postgres-event-store.options';
export * from './postgres-schema';
export * from './queryable';
