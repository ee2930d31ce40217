import { Channel, FeedbackKind } from '../domain/feedback.types';

/**
 * One piece of feedback as a channel sends it, already checked field by field at the edge.
 * Personal fields arrive flat (that is how clients think of them) and are grouped on the way in.
 */
export interface FeedbackSubmission {
  readonly kind: FeedbackKind;
  readonly channel: Channel;
  readonly storeId?: string;
  readonly customer: {
    readonly id?: string;
    readonly name?: string;
    readonly email?: string;
    readonly phone?: string;
    readonly consent: boolean;
  };
  readonly category?: string;
  readonly rating?: number;
  readonly nps?: number;
  readonly factors?: readonly { readonly factor: string; readonly score: number }[];
  readonly text?: string;
  readonly language?: string;
  /** ISO 8601 with an offset; defaults to the time of receipt. */
  readonly occurredAt?: string;
  readonly source?: { readonly system: string; readonly externalId: string };
}

/** A field that broke a rule: the same shape the HTTP edge answers for class-validator errors. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}
