import { Channel, FeedbackKind, Priority } from '@heard/kernel';

export const TARGET_KINDS = ['firstResponse', 'nextUpdate', 'resolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type CalendarKind = '24x7' | 'business';

export interface TargetSpec {
  /** ISO 8601 duration (`PT72H`, `PT4H`, `PT15M`, `PT3S`, `P2D`). */
  readonly duration: string;
  readonly calendar: CalendarKind;
}

/** Who takes over (or watches) when the previous level's target is breached. */
export type EscalationTarget =
  | { readonly kind: 'store_manager' }
  | { readonly kind: 'region_lead' }
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'cx_admins' };

export interface EscalationLevel {
  readonly to: EscalationTarget;
  /** `owner`: the case changes hands; `watcher`: the level is added beside the owner. */
  readonly mode: 'owner' | 'watcher';
  /** The resolution target the new level gets, counted from the breach. */
  readonly target: TargetSpec;
}

/** Each criterion, when given, must hold; an empty match matches every case. */
export interface PolicyMatch {
  readonly priorities?: readonly Priority[];
  readonly categories?: readonly string[];
  readonly channels?: readonly Channel[];
  readonly kinds?: readonly FeedbackKind[];
  readonly storeIds?: readonly string[];
  readonly regionIds?: readonly string[];
}

export interface SlaPolicy {
  readonly policyId: string;
  readonly name: string;
  readonly match: PolicyMatch;
  readonly targets: {
    readonly firstResponse?: TargetSpec;
    readonly nextUpdate?: TargetSpec;
    readonly resolution: TargetSpec;
  };
  /** Share of a target after which it warns; default 0.8. */
  readonly warnAt: number;
  readonly escalation: readonly EscalationLevel[];
}

/** The published list: ordered (first match applies), versioned, with a default for the rest. */
export interface SlaPolicySet {
  /** 0: the built-in default, before any cx_admin published a list. */
  readonly version: number;
  readonly policies: readonly SlaPolicy[];
  readonly defaultPolicy: SlaPolicy;
}

/** What a case offers for matching. */
export interface CaseFacts {
  readonly priority: Priority;
  readonly category: string;
  readonly channel: string;
  readonly kind: string;
  readonly storeId: string | null;
  readonly regionId: string | null;
}
