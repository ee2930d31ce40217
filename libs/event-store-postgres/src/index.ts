export * from './global-position';
export * from './postgres-event-store';
export * from './postgres-event-store.options';
export * from './postgres-schema';
export * from './queryable';
