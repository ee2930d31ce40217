import {
  Channel,
  CustomerRef,
  FactorScore,
  FeedbackKind,
  FeedbackSource,
  PersonalData,
} from './feedback.types';

export interface ReceiveFeedback {
  readonly type: 'ReceiveFeedback';
  readonly feedbackId: string;
  readonly kind: FeedbackKind;
  readonly channel: Channel;
  readonly storeId: string | null;
  readonly customer: CustomerRef;
  readonly personal: PersonalData;
  readonly category: string | null;
  readonly rating: number | null;
  readonly nps: number | null;
  readonly factors: readonly FactorScore[];
  readonly language: string | null;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly source: FeedbackSource | null;
}

export interface LinkFeedbackToCase {
  readonly type: 'LinkFeedbackToCase';
  readonly caseId: string;
  readonly merged: boolean;
  readonly at: string;
}

export type FeedbackCommand = ReceiveFeedback | LinkFeedbackToCase;
