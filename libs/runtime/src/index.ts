export * from './data-files';
export * from './event-store.factory';
export * from './read-model-data-source.factory';
export * from './personal-data.factory';
export * from './read-model-compaction';
