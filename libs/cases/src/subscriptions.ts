// Kept apart from index.ts so that domain consumers do not load TypeORM.
export * from './application/case-reactors';
export * from './read-models';
