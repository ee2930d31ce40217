export * from './decider-spec';
export * from './event-store.conformance';
export * from './fixed-clock';
export * from './forwarding-to';
export * from './in-memory-event-store';
export * from './wait-for';
