// Kept apart from index.ts so that domain consumers do not load TypeORM.
export * from './improvements/application/change-improvement';
export * from './improvements/application/improvement-scope';
export * from './improvements/application/link/feedback-criteria';
export * from './improvements/application/link/link-request';
export * from './improvements/application/link/linkable-feedback';
export * from './improvements/application/link/match-feedback';
export * from './improvements/application/load-improvement';
export * from './improvements/application/link-on-resolve/link-resolved-case.reactor';
export * from './improvements/application/loop-reactors';
export * from './improvements/application/outer-loop/you-changed-this.reactor';
export * from './improvements/application/propose-improvement';
export * from './improvements/read-models/improvement-cursor';
export * from './improvements/read-models/improvement-view.entity';
export * from './improvements/read-models/improvement-view.projection';
export * from './improvements/read-models/list-improvements';
