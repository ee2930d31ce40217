export * from './sqlite-event-store';
export * from './writer-thread/append-forwarding';
