import { Projection } from '@heard/projections';
import { slaCasesProjection } from './sla-cases/sla-cases.projection';

export * from './sla-cases/sla-case.entity';
export * from './sla-cases/sla-timer.entity';
export * from './sla-cases/sla-config-version.entity';
export * from './sla-cases/sla-case-count';
export * from './sla-cases/sla-cases.projection';

/** The SLA context's read models: case clocks and their due timers. */
export const slaProjections: readonly Projection[] = [slaCasesProjection];
export * from './sla-case-list/list-cases-by-sla';
