import { Actor, Scope } from '@heard/kernel';

export interface VisibilityFacts {
  readonly customerId: string | null;
  readonly storeId: string | null;
  /** The envelope actor of FeedbackReceived: who sent it in. */
  readonly submittedBy: string | null;
  /** Whether the viewer may see the case this feedback belongs to, by the cases' own rule. */
  readonly caseVisible: boolean;
}

/**
 * Who may read one piece of feedback: everyone in an "everything" scope, the customer it is
 * from, staff whose stores (a region lead: the stores of their regions) hold it or who may see
 * its case (an agent: cases in their teams' queues or assigned to them), and whoever submitted it
 * (an integration reads back only what it sent). Feedback without a case has no queue, so no agent
 * sees it. Others are told it does not exist.
 */
export function mayReadFeedback(viewer: Actor, scope: Scope, facts: VisibilityFacts): boolean {
  if (facts.submittedBy !== null && facts.submittedBy === viewer.id && viewer.role !== 'customer')
    return true;
  switch (scope.kind) {
    case 'everything':
      return true;
    case 'customer':
      return facts.customerId !== null && facts.customerId === scope.customerId;
    case 'staff':
      return (
        (facts.storeId !== null && scope.storeIds.includes(facts.storeId)) || facts.caseVisible
      );
    case 'nothing':
      return false;
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}
