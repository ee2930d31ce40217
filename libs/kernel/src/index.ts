export * from './domain-error';
export * from './actor';
export * from './vocabulary';
export * from './scope';
export * from './time-zone';
