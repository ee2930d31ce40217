// Kept apart from index.ts so that domain consumers do not load TypeORM.
export * from './improvements/application/outer-loop/you-changed-this.reactor';
export * from './improvements/application/loop-reactors';
