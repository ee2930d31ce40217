import { Projection } from '@heard/projections';

/** Case read models (the case list with filters, owners and deadlines). */
export const caseProjections: readonly Projection[] = [];
