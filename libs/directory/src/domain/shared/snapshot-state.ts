/** State of a directory entry that is replaced whole on every put. */
export type SnapshotState<Fields> =
  | { readonly status: 'Undefined' }
  | {
      readonly status: 'Defined';
      readonly current: Fields;
      readonly definedAt: string;
      readonly changedAt: string;
      readonly changedBy: string;
    };

export const undefinedSnapshot = { status: 'Undefined' } as const;

export function applySnapshot<Fields>(
  state: SnapshotState<Fields>,
  current: Fields,
  at: string,
  by: string,
): SnapshotState<Fields> {
  const definedAt = state.status === 'Defined' ? state.definedAt : at;
  return { status: 'Defined', current, definedAt, changedAt: at, changedBy: by };
}
