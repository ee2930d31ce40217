import { Projection } from '@heard/projections';

/** `all`, or one projection by name; null when the name is unknown. */
export function selectProjections(
  projections: readonly Projection[],
  name: string,
): readonly Projection[] | null {
  if (name === 'all') return projections;
  const found = projections.find((p) => p.name === name);
  return found ? [found] : null;
}
