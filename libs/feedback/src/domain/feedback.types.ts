import type { Channel, FeedbackKind } from '@heard/kernel';

// The vocabulary is the kernel's; feedback re-exports the part its callers use.
export { CHANNELS, FEEDBACK_KINDS } from '@heard/kernel';
export type { Channel, FeedbackKind };

export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface FactorScore {
  readonly factor: string;
  readonly score: number;
}

/**
 * Everything that identifies a person or is their own words, kept in one object so that it can be
 * encrypted with the customer's key and forgotten (crypto-shredding) without touching other fields.
 */
export interface PersonalData {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly text?: string;
  /** Set when read after the key was erased: `text` is then the redaction, the rest absent. */
  readonly redacted?: boolean;
}

export interface CustomerRef {
  /** Known customer id; absent for anonymous feedback with contact details. */
  readonly id?: string;
  readonly consent: boolean;
}

export interface FeedbackSource {
  readonly system: string;
  readonly externalId: string;
}
