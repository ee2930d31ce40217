import { CalendarKind, EscalationLevel, TargetKind } from './sla-policy';

export type TargetState = 'running' | 'paused' | 'met' | 'breached';

/** One target of a case as of the clock's `asOf`. Instants are ISO strings, durations ms. */
export interface SlaTargetClock {
  readonly kind: TargetKind;
  /** 1 for the first target of its kind on the case; each restart (reopen, update) adds one. */
  readonly cycle: number;
  /** 0: the policy's own target; n: the target escalation level n got after a breach. */
  readonly escalationLevel: number;
  readonly duration: string;
  readonly calendar: CalendarKind;
  readonly startedAt: string;
  /** When the target is (or was) due; null while paused before it was due. */
  readonly dueAt: string | null;
  /** When the warning share of the target is (or was) reached; null while paused before it. */
  readonly warnAt: string | null;
  /** Counted time: open time for business targets, every millisecond for 24x7 ones. */
  readonly elapsedMs: number;
  /** Negative once overdue. */
  readonly leftMs: number;
  /** Counted time that passed while the case waited for the customer. */
  readonly pausedMs: number;
  readonly state: TargetState;
  /** When what the target asks for happened: the reply, the resolution (late ones too). */
  readonly metAt?: string;
  readonly breachedAt?: string;
  /** When it stopped counting: met, handed to an escalation level, or the case closed. */
  readonly endedAt?: string;
}

export interface SlaRetargeting {
  readonly at: string;
  readonly priority: string;
  readonly fromPolicyId: string;
  readonly toPolicyId: string;
  /** Running targets the new policy has none of: they no longer count. */
  readonly dropped: readonly TargetKind[];
}

export type SlaCounting =
  | {
      readonly kind: 'calendar';
      readonly calendarId: string;
      readonly calendarVersion: number;
      readonly timeZone: string;
    }
  /** The store has no calendar: its business targets count every hour, and the case says so. */
  | { readonly kind: '24x7'; readonly timeZone: string; readonly note: string };

export interface SlaClock {
  readonly policyId: string;
  readonly policySetVersion: number;
  readonly counting: SlaCounting;
  /** The instant elapsed and left are counted to: `now`, or the last fact without it. */
  readonly asOf: string | null;
  /** The latest target of each kind the policy has, in firstResponse, nextUpdate, resolution order. */
  readonly targets: readonly SlaTargetClock[];
  /** Earlier targets, in the order they started. */
  readonly past: readonly SlaTargetClock[];
  readonly retargeted: readonly SlaRetargeting[];
  readonly escalation: {
    readonly level: number;
    /** Who takes over when the current resolution target breaches; null after the last level. */
    readonly next: (EscalationLevel & { readonly level: number }) | null;
    /** When the next level is due to take over: the current resolution target's due time. */
    readonly dueAt: string | null;
  };
}
