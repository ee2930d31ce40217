import type { Consent, Preferences } from '@heard/customers';
import type { NoticeChannel } from '../notices/notice.events';

/** Consent given with a submission: `case_updates`, recorded into the preferences a moment later. */
export interface ConsentWithFeedback {
  readonly given: boolean;
  readonly at: string;
}

/**
 * Whether the customer agreed to hear about their feedback and cases, as far as is known now.
 * Submitting with consent records it into the preferences by another reactor, which may not have
 * run yet; so the feedback's own consent counts too, and the later of the two decides (an opt-out
 * after the submission wins). Consent not given with a submission withdraws nothing.
 * Delivery asks again at send time.
 */
export function consentsToCaseUpdates(
  preferences: Preferences | null,
  withFeedback: ConsentWithFeedback | null = null,
): boolean {
  const recorded: Consent | undefined = preferences?.consents.case_updates;
  const fromFeedback = withFeedback?.given ? withFeedback : null;
  if (recorded === undefined) return fromFeedback !== null;
  if (fromFeedback === null) return recorded.given;
  return Date.parse(recorded.at) > Date.parse(fromFeedback.at) ? recorded.given : true;
}

/** The customer's first preferred channel; null when none is known yet (delivery looks again). */
export const preferredChannel = (preferences: Preferences | null): NoticeChannel | null =>
  preferences?.channels[0]?.channel ?? null;
