export * from './decider-spec';
export * from './directory-commands';
export * from './seed-directory';
export * from './directory-views-snapshot';
export * from './feed-directory-projections';
export * from './seed-directory-world';
export * from './directory-read-models.suite';
export * from './memory-sqlite-database';
