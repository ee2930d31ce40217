/** One feedback item counted towards a share: when it came, and when its author was first told. */
export interface LoopRow {
  readonly group: string | null;
  readonly receivedAt: string;
  /** The first loop-closing notice sent at or after the feedback; null when none was. */
  readonly toldAt: string | null;
}

export interface ShareFigure {
  /** Feedback items counted: negative ones, or ones linked to a shipped improvement. */
  readonly feedback: number;
  /** Of those, the items whose author was told. */
  readonly told: number;
  /** told / feedback, 0 to 1; null when there was no feedback to count. */
  readonly share: number | null;
  /** Median of (notice sent − feedback received) over the told items; null when none was. */
  readonly medianMsToNotice: number | null;
}

export interface GroupFigures {
  readonly group: string | null;
  readonly resolution: ShareFigure;
  readonly improvement: ShareFigure;
}

/** The middle value, or the mean of the two middle ones (rounded to the ms). */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

const delayOf = (row: LoopRow): number | null => {
  if (row.toldAt === null) return null;
  const ms = Date.parse(row.toldAt) - Date.parse(row.receivedAt);
  // A notice sent before the feedback came did not answer it.
  return ms >= 0 ? ms : null;
};

export function shareOf(rows: readonly LoopRow[]): ShareFigure {
  const delays = rows.map(delayOf).filter((ms): ms is number => ms !== null);
  return {
    feedback: rows.length,
    told: delays.length,
    share: rows.length === 0 ? null : delays.length / rows.length,
    medianMsToNotice: medianOf(delays),
  };
}

const byGroup = (rows: readonly LoopRow[]) => {
  const groups = new Map<string | null, LoopRow[]>();
  for (const row of rows) {
    const group = groups.get(row.group);
    if (group) group.push(row);
    else groups.set(row.group, [row]);
  }
  return groups;
};

/** Named groups in order, the feedback without one (no store, a store in no region) last. */
const groupOrder = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Per group, both shares and their medians; a group appears when either has feedback. */
export function loopRateFigures(
  resolution: readonly LoopRow[],
  improvement: readonly LoopRow[],
): { readonly groups: GroupFigures[]; readonly overall: Omit<GroupFigures, 'group'> } {
  const resolved = byGroup(resolution);
  const improved = byGroup(improvement);
  const keys = [...new Set([...resolved.keys(), ...improved.keys()])].sort(groupOrder);
  return {
    groups: keys.map((group) => ({
      group,
      resolution: shareOf(resolved.get(group) ?? []),
      improvement: shareOf(improved.get(group) ?? []),
    })),
    overall: { resolution: shareOf(resolution), improvement: shareOf(improvement) },
  };
}
