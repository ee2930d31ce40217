import { DomainEvent } from '@heard/event-store';
import {
  Channel,
  CustomerRef,
  FactorScore,
  FeedbackKind,
  FeedbackSource,
  PersonalData,
  Sentiment,
  Severity,
} from './feedback.types';

export type FeedbackReceived = DomainEvent<
  'FeedbackReceived',
  {
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
>;

export type FeedbackTriaged = DomainEvent<
  'FeedbackTriaged',
  {
    readonly feedbackId: string;
    readonly sentiment: Sentiment;
    readonly severity: Severity;
    readonly category: string;
    /** Opens a case: a complaint, a review of 1–2 stars or an NPS detractor. */
    readonly needsCase: boolean;
    /** Why, in words a person can check: "rating 1 of 5", "keyword 'отравление' (food_safety)". */
    readonly reasons: readonly string[];
  }
>;

export type FeedbackLinkedToCase = DomainEvent<
  'FeedbackLinkedToCase',
  {
    readonly feedbackId: string;
    readonly caseId: string;
    readonly merged: boolean;
    readonly at: string;
  }
>;

export type FeedbackEvent = FeedbackReceived | FeedbackTriaged | FeedbackLinkedToCase;
