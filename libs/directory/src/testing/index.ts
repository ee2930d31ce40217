export * from './decider-spec';
export * from './directory-commands';
