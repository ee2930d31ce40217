import { Priority } from '@heard/kernel';
import { CaseFacts, TargetKind } from './sla-policy';

type At = { readonly at: string };

/**
 * What the SLA clock needs to know of a case's history, in order: plain facts, so the clock is a
 * pure fold that any source (case events, a what-if, a test) can feed. `at` is an ISO instant.
 */
export type SlaFact =
  | (At & { readonly type: 'opened' } & CaseFacts)
  | (At & { readonly type: 'acknowledged' })
  /** A reply to the customer (not the customer's own). */
  | (At & { readonly type: 'public_reply' })
  /** Waiting for the customer: every running target stops counting. */
  | (At & { readonly type: 'paused' })
  | (At & { readonly type: 'resumed' })
  | (At & { readonly type: 'priority_changed'; readonly to: Priority })
  | (At & { readonly type: 'resolved' })
  | (At & { readonly type: 'reopened' })
  | (At & { readonly type: 'closed' })
  /** `cycle` (SlaTargetClock.cycle) keeps a late report of an ended wait off the next one. */
  | (At & { readonly type: 'breached'; readonly target: TargetKind; readonly cycle?: number })
  /** Level 1 is the first escalation; levels only go up. */
  | (At & { readonly type: 'escalated'; readonly level: number });

export type SlaFactType = SlaFact['type'];
