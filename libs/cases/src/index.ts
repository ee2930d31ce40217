export * from './domain/case.commands';
export * from './domain/case.decider';
export * from './domain/case.events';
export * from './domain/case.state';
export * from './domain/case.types';
