export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ROLES = [
  'customer',
  'agent',
  'store_manager',
  'regional_manager',
  'cx_admin',
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly id: string;
  readonly role: Role;
}

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

export type AssignedBy =
  | { readonly kind: 'rule'; readonly ruleId: string; readonly rulesVersion: number }
  | { readonly kind: 'person'; readonly personId: string };

/** A customer may answer and reopen a resolved case for this long. */
export const CUSTOMER_REOPEN_WINDOW_MS = 14 * 24 * 3600 * 1000;

export const priorityForSeverity = (severity: 'low' | 'medium' | 'high' | 'critical'): Priority =>
  ({ critical: 'urgent', high: 'high', medium: 'normal', low: 'low' })[severity] as Priority;
