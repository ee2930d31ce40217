export * from './eventstoredb-client';
export * from './eventstoredb-event-store';
