import { byCodeUnit } from '../shared/ids';

export interface LeastLoaded {
  readonly personId: string;
  readonly openCases: number;
  /** Members with as few open cases who lost the tie on id. */
  readonly tiedWith: readonly string[];
}

/** Fewest open cases wins; ties go to the smallest id so a replay picks the same person. */
export function leastLoaded(
  memberIds: readonly string[],
  openCases: (personId: string) => number,
): LeastLoaded | null {
  const loads = [...new Set(memberIds)]
    .map((personId) => ({ personId, openCases: openCases(personId) }))
    .sort((a, b) => a.openCases - b.openCases || byCodeUnit(a.personId, b.personId));
  const [first] = loads;
  if (!first) return null;
  const tiedWith = loads
    .slice(1)
    .filter((load) => load.openCases === first.openCases)
    .map((load) => load.personId);
  return { personId: first.personId, openCases: first.openCases, tiedWith };
}
