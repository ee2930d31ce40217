import { Projection } from '@heard/projections';

/** Directory read models (stores, regions, teams, people), run by the worker and the embedded API. */
export const directoryProjections: readonly Projection[] = [];
