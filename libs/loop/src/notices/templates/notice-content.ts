/** What a notice says, gathered from its refs at send (or read) time. Personal: never stored. */
export type NoticeContent =
  | {
      readonly kind: 'case_acknowledged';
      readonly caseId: string;
      readonly caseUrl: string;
    }
  | {
      readonly kind: 'case_reply' | 'case_resolved';
      readonly caseId: string;
      readonly caseUrl: string;
      /** The public reply or the resolution's message to the customer. */
      readonly message: string;
    }
  | { readonly kind: 'thank_you'; readonly quote: string | null; readonly saidAt: string | null }
  | { readonly kind: 'you_changed_this'; readonly changes: readonly ImprovementChange[] }
  | {
      readonly kind: 'staff_alert';
      readonly caseId: string;
      readonly caseUrl: string;
      readonly slaTarget: string | null;
      readonly escalationLevel: number | null;
    };

/** One improvement told to one customer: what they said and when, what changed. */
export interface ImprovementChange {
  readonly improvementId: string;
  readonly title: string;
  /** The public message in the customer's locale (else en). */
  readonly message: string;
  readonly quote: string | null;
  readonly saidAt: string | null;
}
