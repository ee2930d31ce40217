/** Shared figures for benchmarks: throughput and latency percentiles, printed as aligned lines. */
export interface Figures {
  readonly label: string;
  readonly count: number;
  readonly seconds: number;
  /** Per-operation latencies in milliseconds; omitted for bulk reads. */
  readonly latenciesMs?: number[];
  readonly unit?: string;
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const perSecond = (f: Figures): number => f.count / f.seconds;

export function printFigures(f: Figures): void {
  const rate = perSecond(f).toFixed(0).padStart(9);
  let line = `${f.label.padEnd(58)} ${rate} ${f.unit ?? 'events'}/s`;
  if (f.latenciesMs && f.latenciesMs.length > 0) {
    const sorted = [...f.latenciesMs].sort((a, b) => a - b);
    line += `  p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms`;
  }
  console.log(line);
}

export function printRatio(label: string, ours: Figures, peer: Figures): void {
  console.log(`${label.padEnd(58)} ${(perSecond(ours) / perSecond(peer)).toFixed(2)}x`);
}

/** Runs `count` operations with `concurrency` callers and records each one's latency. */
export async function timed(
  label: string,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
  unit?: string,
): Promise<Figures> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await op(i);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, count, seconds, latenciesMs, unit };
}
