export * from './domain/feedback.commands';
export * from './domain/feedback.decider';
export * from './domain/feedback.events';
export * from './domain/feedback.state';
export * from './domain/feedback.types';
export * from './domain/triage';
export * from './domain/feedback.same-content';

export * from './application/feedback-submission';
export * from './application/feedback-id';
export * from './application/submission-problems';
export * from './application/receive-feedback/receive-feedback.command';
export * from './application/receive-feedback/receive-feedback.handler';
export * from './application/receive-batch/map-bounded';
export * from './application/receive-batch/receive-batch.handler';
export * from './application/get-feedback/feedback-details';
export * from './application/get-feedback/feedback-visibility';
export * from './application/get-feedback/get-feedback.query';
