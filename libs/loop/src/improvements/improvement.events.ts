import { DomainEvent } from '@heard/event-store';

/** Locales notices are written in; anything else falls back to `en`. */
export const NOTICE_LOCALES = ['en', 'ru', 'uk'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

/** `improvement-<id>`. Titles and messages are written by staff for the public: not personal data. */
export type ImprovementProposed = DomainEvent<
  'ImprovementProposed',
  {
    readonly improvementId: string;
    readonly title: string;
    readonly description: string;
    readonly storeIds: readonly string[];
    readonly categories: readonly string[];
    readonly owner: string;
    readonly by: string;
    readonly at: string;
  }
>;

export type FeedbackLinked = DomainEvent<
  'FeedbackLinked',
  {
    readonly improvementId: string;
    /** Only items not linked before: linking the same feedback again appends nothing. */
    readonly feedbackIds: readonly string[];
    /**
     * The customer of each item, in the order of `feedbackIds` (null: anonymous), as the feedback
     * said when it was linked: the outer loop tells them without reading every feedback stream.
     */
    readonly customerIds?: readonly (string | null)[];
    /** Set when the link came from resolving a case that named this improvement. */
    readonly caseId?: string;
    readonly by: string;
    readonly at: string;
  }
>;

export type ImprovementStarted = DomainEvent<
  'ImprovementStarted',
  { readonly improvementId: string; readonly by: string; readonly at: string }
>;

export type ImprovementShipped = DomainEvent<
  'ImprovementShipped',
  {
    readonly improvementId: string;
    /** The public "what changed" message per locale; `en` is always present. */
    readonly messages: Readonly<Partial<Record<NoticeLocale, string>>> & { readonly en: string };
    readonly by: string;
    readonly at: string;
  }
>;

export type ImprovementCancelled = DomainEvent<
  'ImprovementCancelled',
  {
    readonly improvementId: string;
    readonly reason: string | null;
    readonly by: string;
    readonly at: string;
  }
>;

export type ImprovementEvent =
  | ImprovementProposed
  | FeedbackLinked
  | ImprovementStarted
  | ImprovementShipped
  | ImprovementCancelled;

export const improvementStreamId = (improvementId: string): string =>
  `improvement-${improvementId}`;
