import { CaseStatus, Priority, SlaTerms } from './case.types';

export interface ActiveCase {
  readonly status: CaseStatus;
  readonly caseId: string;
  readonly feedbackIds: readonly string[];
  readonly storeId: string | null;
  readonly regionId: string | null;
  readonly category: string;
  readonly priority: Priority;
  readonly customerId: string | null;
  readonly ownerId: string | null;
  readonly teamId: string | null;
  readonly openedAt: string;
  readonly targetHours: number;
  readonly dueAt: string;
  readonly acknowledgedAt: string | null;
  /** Set while the SLA clock is paused waiting for the customer. */
  readonly pausedAt: string | null;
  readonly resolvedAt: string | null;
  readonly escalationLevel: number;
  /** Everyone the case was escalated to, first first: each may read and work it. */
  readonly escalatedTo: readonly string[];
  /** Null until the SLA context records the policy the case counts under. */
  readonly sla: SlaTerms | null;
  /** Warnings and breaches recorded (slaAlertKey), so a second poller's cannot repeat one. */
  readonly slaAlerts: readonly string[];
}

export type CaseState = { readonly status: 'none' } | ActiveCase;

export const initialCaseState = (): CaseState => ({ status: 'none' });
