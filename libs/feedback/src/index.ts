export * from './domain/feedback.commands';
export * from './domain/feedback.decider';
export * from './domain/feedback.events';
export * from './domain/feedback.state';
export * from './domain/feedback.types';
export * from './domain/triage';
