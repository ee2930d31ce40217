import { Projection } from '@heard/projections';
import { slaCasesProjection } from './sla-cases/sla-cases.projection';
import { slaComplianceProjection } from './sla-compliance/sla-compliance.projection';

export * from './sla-cases/sla-case.entity';
export * from './sla-cases/sla-timer.entity';
export * from './sla-cases/sla-config-version.entity';
export * from './sla-cases/sla-case-count';
export * from './sla-cases/sla-cases.projection';
export * from './sla-compliance/sla-compliance-case.entity';
export * from './sla-compliance/sla-compliance-target.entity';
export * from './sla-compliance/sla-compliance-config.entity';
export * from './sla-compliance/sla-compliance.projection';
export * from './sla-compliance/sla-compliance.query';

/** The SLA context's read models: case clocks and their due timers; compliance and its facts. */
export const slaProjections: readonly Projection[] = [slaCasesProjection, slaComplianceProjection];
export * from './sla-case-list/list-cases-by-sla';
