/** A policy as the admin API sends it: loosely typed, checked and normalised by validatePolicySet. */
export interface SlaPolicyDraft {
  readonly policyId: string;
  readonly name: string;
  readonly match?: { readonly [criterion: string]: readonly string[] | undefined } | null;
  readonly targets: { readonly [kind: string]: TargetSpecDraft | null | undefined };
  readonly warnAt?: number | null;
  readonly escalation?: readonly EscalationLevelDraft[] | null;
}

export interface TargetSpecDraft {
  readonly duration: string;
  readonly calendar: string;
}

export interface EscalationLevelDraft {
  readonly to: EscalationTargetDraft;
  readonly mode: string;
  readonly target: TargetSpecDraft;
}

export interface EscalationTargetDraft {
  readonly kind: string;
  readonly personId?: string | null;
  readonly teamId?: string | null;
}
