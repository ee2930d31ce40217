import { RebuildProgress } from '@heard/projections';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `1:05`, `2:03:07`; `--:--` while there is no rate yet. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '--:--';
  const total = Math.ceil(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatProgress(p: RebuildProgress): string {
  const percent = p.total === 0 ? 100 : Math.min(100, (p.done / p.total) * 100);
  return (
    `${p.name}  ${percent.toFixed(1).padStart(5)}%  ${count(p.done)}/${count(p.total)} events  ` +
    `position ${p.position}  ${count(p.eventsPerSecond)} ev/s  ETA ${formatDuration(p.etaMs)}`
  );
}

export function formatSummary(p: RebuildProgress): string {
  return (
    `${p.name} rebuilt: ${count(p.done)} events to position ${p.position} ` +
    `in ${(p.elapsedMs / 1000).toFixed(1)} s (${count(p.eventsPerSecond)} ev/s)`
  );
}
