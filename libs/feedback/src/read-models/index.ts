import { Projection } from '@heard/projections';

/** Feedback read models (the customer's own feedback with its case status and public replies). */
export const feedbackProjections: readonly Projection[] = [];
