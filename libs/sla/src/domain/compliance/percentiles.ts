/** The median and 90th percentile of a sample, nearest rank; nulls for an empty sample. */
export interface Percentiles {
  readonly median: number | null;
  readonly p90: number | null;
}

/**
 * Nearest-rank percentiles (the smallest value with at least p% of the sample at or below it),
 * so every figure is a time some case really took. Sorts `values` in place.
 */
export function percentilesOf(values: number[]): Percentiles {
  if (values.length === 0) return { median: null, p90: null };
  values.sort((a, b) => a - b);
  const rank = (p: number) => values[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];
  return { median: rank(50), p90: rank(90) };
}
