import { Actor } from '@heard/kernel';

/** Which case, at which version, by whom: what every action's command carries. */
export interface CaseActionTarget {
  readonly caseId: string;
  readonly expectedVersion: number;
  readonly actor: Actor;
}
