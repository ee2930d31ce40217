export * from './domain/case.commands';
export * from './domain/case.decider';
export * from './domain/case.events';
export * from './domain/case.state';
export * from './domain/case.types';
export * from './application/timeline/case-timeline';
export { durationWords } from './application/timeline/sla-timeline';
export * from './application/work-on-case/load-case';
export * from './application/work-on-case/work-on-case';
