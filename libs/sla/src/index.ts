export * from './domain/calendar';
export * from './domain/sla-policy';
