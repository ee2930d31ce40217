export * from './smtp-sink';
export * from './notice-world';
