// Kept apart from index.ts so that domain consumers do not load TypeORM.
export * from './application/sla-sources';
export * from './application/sla-envelope';
export * from './application/record-sla/sla-recorder.reactor';
export * from './application/sla-reactors';
export * from './read-models';
export * from './application/sla-pollers';
export * from './application/fire-timers/fire-timer';
export * from './application/fire-timers/sla-timer-poller';
export * from './application/fire-timers/sla-timer-tick';
export * from './application/fire-timers/sla-timer-metrics';
export * from './application/escalate/sla-escalator.reactor';
export * from './application/what-if/sla-what-if';
