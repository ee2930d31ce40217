import { Projection } from '@heard/projections';
import { projections } from '@heard/subscriptions';

export { projections };

export const projectionNames = (): string[] => projections.map((p) => p.name);

/** `all`, or one projection by name; null when the name is unknown. */
export function selectProjections(name: string): readonly Projection[] | null {
  if (name === 'all') return projections;
  const found = projections.find((p) => p.name === name);
  return found ? [found] : null;
}
