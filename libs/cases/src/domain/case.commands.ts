import { Actor, AssignedBy, Priority, Sla } from './case.types';

type By = { readonly at: string; readonly by: Actor };

export type CaseCommand =
  | {
      readonly type: 'OpenCase';
      readonly caseId: string;
      readonly feedbackId: string;
      readonly storeId: string | null;
      readonly regionId: string | null;
      readonly category: string;
      readonly priority: Priority;
      readonly customerId: string | null;
      readonly channel: string;
      readonly kind: string;
      readonly sla: Sla;
      readonly at: string;
      /** The store's directory version routing read (0: no such store). */
      readonly storeVersion?: number;
    }
  | { readonly type: 'AttachFeedback'; readonly feedbackId: string; readonly at: string }
  | {
      readonly type: 'AssignCase';
      /** Null leaves the case unassigned in its team's queue (a team without members). */
      readonly ownerId: string | null;
      readonly teamId: string | null;
      readonly assignedBy: AssignedBy;
      readonly reason: string;
      readonly at: string;
    }
  | {
      readonly type: 'ChangeCaseRegion';
      /** The region the case's store belongs to now. */
      readonly regionId: string | null;
      readonly reason: string;
      readonly at: string;
    }
  | (By & { readonly type: 'AcknowledgeCase' })
  | (By & { readonly type: 'AddNote'; readonly noteId: string; readonly text: string })
  | (By & { readonly type: 'SendReply'; readonly replyId: string; readonly text: string })
  | (By & { readonly type: 'AwaitCustomer'; readonly reason: string })
  | (By & { readonly type: 'ResumeCase' })
  | (By & {
      readonly type: 'ChangePriority';
      readonly priority: Priority;
      readonly reason: string | null;
    })
  | (By & { readonly type: 'RecategorizeCase'; readonly category: string })
  | (By & { readonly type: 'EscalateCase'; readonly to: string; readonly reason: string })
  | (By & {
      readonly type: 'ResolveCase';
      readonly code: string;
      readonly summary: string;
      readonly customerMessage: string;
    })
  | (By & { readonly type: 'ReopenCase'; readonly reason: string })
  | (By & { readonly type: 'CloseCase' });
