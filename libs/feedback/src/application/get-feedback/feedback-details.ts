import { FeedbackReceived, FeedbackTriaged } from '../../domain/feedback.events';

/** One piece of feedback as its readers see it: what was said, its triage and its case. */
export interface FeedbackDetails {
  readonly feedbackId: string;
  readonly kind: FeedbackReceived['data']['kind'];
  readonly channel: FeedbackReceived['data']['channel'];
  readonly storeId: string | null;
  readonly customer: {
    readonly id: string | null;
    readonly name: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    readonly consent: boolean;
  };
  readonly category: string | null;
  readonly rating: number | null;
  readonly nps: number | null;
  readonly factors: FeedbackReceived['data']['factors'];
  readonly text: string | null;
  readonly language: string | null;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly source: FeedbackReceived['data']['source'];
  readonly triage: Omit<FeedbackTriaged['data'], 'feedbackId'> | null;
  readonly case: { readonly caseId: string; readonly status: string } | null;
}
