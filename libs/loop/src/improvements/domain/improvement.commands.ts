import { NoticeLocale } from '../improvement.events';

type By = { readonly by: string; readonly at: string };

/** One piece of feedback to link, with its customer (null: anonymous) as the feedback says. */
export interface FeedbackToLink {
  readonly feedbackId: string;
  readonly customerId: string | null;
}

export type ImprovementCommand =
  | (By & {
      readonly type: 'ProposeImprovement';
      readonly improvementId: string;
      readonly title: string;
      readonly description: string;
      readonly storeIds: readonly string[];
      readonly categories: readonly string[];
      readonly owner: string;
    })
  | (By & {
      readonly type: 'LinkFeedback';
      readonly feedback: readonly FeedbackToLink[];
      readonly caseId?: string;
    })
  | (By & { readonly type: 'StartImprovement' })
  | (By & {
      readonly type: 'ShipImprovement';
      readonly messages: Readonly<Partial<Record<NoticeLocale, string>>>;
    })
  | (By & { readonly type: 'CancelImprovement'; readonly reason: string | null });
