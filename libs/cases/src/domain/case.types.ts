import { Actor, Priority, Role } from '@heard/kernel';

// The shared vocabulary lives in the kernel; the case context re-exports what its callers use.
export { PRIORITIES, ROLES } from '@heard/kernel';
export type { Actor, Priority, Role };

export const CASE_STATUSES = ['open', 'awaiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case is someone's work: it counts against their load and deadlines. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['open', 'awaiting_customer'];

/** The default resolution target: 72 hours from when Heard received the feedback. */
export const DEFAULT_TARGET_HOURS = 72;

export interface Sla {
  readonly targetHours: number;
  readonly dueAt: string;
}

/** The targets an SLA policy may set (the SLA context's own names, which cases must not import). */
export type SlaTargetName = 'firstResponse' | 'nextUpdate' | 'resolution';

/** The SLA a case counts under, recorded by the SLA context once the case is open. */
export interface SlaTerms {
  readonly policyId: string;
  readonly policySetVersion: number;
}

/** The key of one warning or breach a case received: each is recorded once. */
export const slaAlertKey = (
  kind: 'warn' | 'breach',
  target: SlaTargetName,
  cycle: number,
): string => `${kind}:${target}:${cycle}`;

export type AssignedBy =
  | { readonly kind: 'rule'; readonly ruleId: string; readonly rulesVersion: number }
  | { readonly kind: 'person'; readonly personId: string }
  /** The store's manager changed in the directory, and the case followed the post. */
  | { readonly kind: 'directory'; readonly storeId: string }
  /** A missed SLA target handed the case to its policy's escalation level. */
  | { readonly kind: 'escalation'; readonly level: number };

/** Who escalates a case when its SLA is missed: Heard itself, acting as a system would. */
export const SLA_ESCALATOR: Actor = { id: 'heard:sla', role: 'integration' };

/** The target a breach-driven escalation names: which one was missed, and by how much. */
export interface MissedTarget {
  readonly target: SlaTargetName;
  readonly cycle: number;
  readonly dueAt: string;
  readonly lateByMs: number;
}

/** A customer may answer and reopen a resolved case for this long. */
export const CUSTOMER_REOPEN_WINDOW_MS = 14 * 24 * 3600 * 1000;

export const priorityForSeverity = (severity: 'low' | 'medium' | 'high' | 'critical'): Priority =>
  ({ critical: 'urgent', high: 'high', medium: 'normal', low: 'low' })[severity] as Priority;
