import { DomainEvent } from '@heard/event-store';
import { Actor, AssignedBy, MissedTarget, Priority, Sla, SlaTargetName } from './case.types';

type At = { readonly at: string; readonly by: Actor };

export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    readonly caseId: string;
    readonly feedbackIds: readonly string[];
    readonly storeId: string | null;
    readonly regionId: string | null;
    readonly category: string;
    readonly priority: Priority;
    readonly customerId: string | null;
    readonly channel: string;
    readonly kind: string;
    readonly sla: Sla;
    readonly at: string;
    /**
     * The store's directory version the case was opened and routed with (0: the store was not
     * defined). Absent on cases opened before it was recorded.
     */
    readonly storeVersion?: number;
  }
>;
export type FeedbackAttached = DomainEvent<
  'FeedbackAttached',
  { readonly feedbackId: string; readonly at: string }
>;
export type CaseAssigned = DomainEvent<
  'CaseAssigned',
  {
    /** Null: routing found nobody, and the case waits in the queue of `teamId` (or no queue). */
    readonly ownerId: string | null;
    readonly teamId: string | null;
    readonly assignedBy: AssignedBy;
    readonly reason: string;
    readonly at: string;
  }
>;
/** The case's store moved to another region: scope follows the store, not the opening. */
export type CaseRegionChanged = DomainEvent<
  'CaseRegionChanged',
  {
    readonly from: string | null;
    readonly to: string | null;
    readonly reason: string;
    readonly at: string;
  }
>;
export type CaseAcknowledged = DomainEvent<'CaseAcknowledged', At>;
export type NoteAdded = DomainEvent<
  'NoteAdded',
  At & { readonly noteId: string; readonly text: string }
>;
export type ReplySent = DomainEvent<
  'ReplySent',
  At & { readonly replyId: string; readonly fromCustomer: boolean; readonly text: string }
>;
export type AwaitingCustomer = DomainEvent<'AwaitingCustomer', At & { readonly reason: string }>;
export type CaseResumed = DomainEvent<'CaseResumed', At & { readonly newDueAt: string }>;
export type PriorityChanged = DomainEvent<
  'PriorityChanged',
  At & { readonly from: Priority; readonly to: Priority; readonly reason: string | null }
>;
export type CaseRecategorized = DomainEvent<
  'CaseRecategorized',
  At & { readonly from: string; readonly to: string }
>;
export type CaseEscalated = DomainEvent<
  'CaseEscalated',
  At & {
    readonly level: number;
    readonly to: string;
    readonly reason: string;
    /** Set when a missed SLA target escalated the case (by SLA_ESCALATOR). */
    readonly missed?: MissedTarget;
    /** owner: the case changed hands as well; watcher: `to` watches beside the owner. */
    readonly mode?: 'owner' | 'watcher';
  }
>;
export type CaseResolved = DomainEvent<
  'CaseResolved',
  At & {
    readonly code: string;
    readonly summary: string;
    readonly customerMessage: string;
    /** The improvement that fixed it, when named: the loop links the case's feedback to it. */
    readonly improvementId?: string;
  }
>;
export type CaseReopened = DomainEvent<
  'CaseReopened',
  At & { readonly reason: string; readonly newDueAt: string }
>;
export type CaseClosed = DomainEvent<'CaseClosed', At>;
/**
 * The SLA policy and calendar a case counts under, chosen once from what was live when it opened:
 * later publishes never change it.
 */
export type SlaApplied = DomainEvent<
  'SlaApplied',
  {
    readonly policyId: string;
    readonly policySetVersion: number;
    /** Null: the store has no calendar, and business targets count 24x7 in `timeZone`. */
    readonly calendarId: string | null;
    readonly calendarVersion: number | null;
    readonly timeZone: string;
    /**
     * Version 0 only: the built-in default's resolution target (ISO duration) as
     * CASE_TARGET_HOURS set it at the opening, so a restart with another value moves no open case.
     */
    readonly builtInResolution?: string;
    readonly at: string;
  }
>;
/** A change of priority chose a policy again, from the same policy set version. */
export type SlaRetargeted = DomainEvent<
  'SlaRetargeted',
  {
    readonly priority: Priority;
    readonly policySetVersion: number;
    readonly fromPolicyId: string;
    readonly toPolicyId: string;
    /** Running targets the new policy has none of: they no longer count. */
    readonly dropped: readonly SlaTargetName[];
    readonly at: string;
  }
>;
/** A target reached its warning share; `cycle` tells a reopened case's target from the first. */
export type SlaWarned = DomainEvent<
  'SlaWarned',
  {
    readonly target: SlaTargetName;
    readonly cycle: number;
    readonly dueAt: string;
    readonly at: string;
  }
>;
export type SlaBreached = DomainEvent<
  'SlaBreached',
  {
    readonly target: SlaTargetName;
    readonly cycle: number;
    readonly dueAt: string;
    /** How long after `dueAt` the breach was recorded, in ms of wall time. */
    readonly lateByMs: number;
    readonly at: string;
  }
>;

export type CaseEvent =
  | CaseOpened
  | FeedbackAttached
  | CaseAssigned
  | CaseRegionChanged
  | CaseAcknowledged
  | NoteAdded
  | ReplySent
  | AwaitingCustomer
  | CaseResumed
  | PriorityChanged
  | CaseRecategorized
  | CaseEscalated
  | CaseResolved
  | CaseReopened
  | CaseClosed
  | SlaApplied
  | SlaRetargeted
  | SlaWarned
  | SlaBreached;

/** Every case event type, checked against the union so a new event cannot be forgotten here. */
const TYPES: { readonly [T in CaseEvent['type']]: true } = {
  CaseOpened: true,
  FeedbackAttached: true,
  CaseAssigned: true,
  CaseRegionChanged: true,
  CaseAcknowledged: true,
  NoteAdded: true,
  ReplySent: true,
  AwaitingCustomer: true,
  CaseResumed: true,
  PriorityChanged: true,
  CaseRecategorized: true,
  CaseEscalated: true,
  CaseResolved: true,
  CaseReopened: true,
  CaseClosed: true,
  SlaApplied: true,
  SlaRetargeted: true,
  SlaWarned: true,
  SlaBreached: true,
};
export const CASE_EVENT_TYPES = Object.keys(TYPES) as readonly CaseEvent['type'][];

export const isCaseEventType = (type: string): type is CaseEvent['type'] =>
  Object.prototype.hasOwnProperty.call(TYPES, type);

/**
 * What Heard records on a case by itself as time passes (the SLA's terms, warnings, breaches):
 * appended between a person's read and their action, they change nothing that person decided on.
 */
export const HEARD_BOOKKEEPING_TYPES: ReadonlySet<CaseEvent['type']> = new Set([
  'SlaApplied',
  'SlaRetargeted',
  'SlaWarned',
  'SlaBreached',
]);
