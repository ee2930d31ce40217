export * from './decider-spec';
export * from './directory-commands';
export * from './seed-directory';
