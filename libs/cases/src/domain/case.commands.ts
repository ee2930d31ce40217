import { Actor, AssignedBy, MissedTarget, Priority, Sla, SlaTargetName } from './case.types';

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
      readonly improvementId?: string;
    })
  | (By & { readonly type: 'ReopenCase'; readonly reason: string })
  | (By & { readonly type: 'CloseCase' })
  /** The SLA context's commands: Heard's own, so they carry no actor. */
  | {
      readonly type: 'ApplySla';
      readonly policyId: string;
      readonly policySetVersion: number;
      readonly calendarId: string | null;
      readonly calendarVersion: number | null;
      readonly timeZone: string;
      readonly builtInResolution?: string;
      readonly at: string;
    }
  | {
      readonly type: 'RetargetSla';
      readonly priority: Priority;
      readonly policySetVersion: number;
      readonly fromPolicyId: string;
      readonly toPolicyId: string;
      readonly dropped: readonly SlaTargetName[];
      readonly at: string;
    }
  | {
      readonly type: 'WarnSla';
      readonly target: SlaTargetName;
      readonly cycle: number;
      readonly dueAt: string;
      readonly at: string;
    }
  | {
      readonly type: 'BreachSla';
      readonly target: SlaTargetName;
      readonly cycle: number;
      readonly dueAt: string;
      readonly at: string;
    }
  | {
      readonly type: 'EscalateForSla';
      /** The policy's escalation level reached: one above the case's, or nothing happens. */
      readonly level: number;
      readonly to: string;
      readonly mode: 'owner' | 'watcher';
      /** With mode owner: who owns the case from now on (a team's queue when only teamId). */
      readonly ownerId: string | null;
      readonly teamId: string | null;
      readonly missed: MissedTarget;
      readonly reason: string;
      readonly at: string;
    };
