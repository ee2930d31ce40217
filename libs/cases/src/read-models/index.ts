import { Projection } from '@heard/projections';
import { caseViewProjection } from './case-view/case-view.projection';

export * from './case-list/case-cursor';
export * from './case-list/count-open-cases';
export * from './case-list/list-case-views';
export * from './case-scope/apply-scope-filter';
export * from './case-scope/case-scope.filter';
export * from './case-view/case-escalation-view.entity';
export * from './case-view/case-view.entity';
export * from './case-view/case-view.evolve';
export * from './case-view/case-view.projection';

/** Case read models (the case list with filters, owners and deadlines). */
export const caseProjections: readonly Projection[] = [caseViewProjection];
