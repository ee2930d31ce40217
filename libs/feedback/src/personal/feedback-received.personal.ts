import {
  customerKeyOwner,
  feedbackKeyOwner,
  isSealedBlock,
  PersonalFields,
  REDACTED,
  SealedBlock,
  storedDataOf,
} from '@heard/customers';
import type { Json } from '@heard/event-store';
import { FeedbackReceived } from '../domain/feedback.events';
import { PersonalData } from '../domain/feedback.types';

type Received = FeedbackReceived['data'];

/** Schema version 2 holds `personal` sealed; version 1 holds it plain, and stays readable. */
export const FEEDBACK_RECEIVED_SEALED_VERSION = 2;

/** What readers get once the key is gone: the words replaced, contact details absent. */
export const REDACTED_PERSONAL: PersonalData = { text: REDACTED, redacted: true };

/**
 * A known customer's words are sealed with the customer's key, so erasing them reaches all of
 * their feedback; anonymous contact details get a key of that feedback alone.
 */
export const feedbackReceivedPersonal: PersonalFields = {
  type: 'FeedbackReceived',
  sealedVersion: FEEDBACK_RECEIVED_SEALED_VERSION,
  // Version 1's plain `personal` is already what readers of version 2 see once it is opened.
  upcasters: [{ type: 'FeedbackReceived', fromVersion: 1, upcast: (data) => data }],
  // Opening replaces `personal` alone: readers of the rest never decrypt.
  openedOnRead: ['personal'],
  personalOf(data) {
    const d = data as Received;
    if (Object.keys(d.personal).length === 0) return null;
    const owner =
      d.customer.id != null ? customerKeyOwner(d.customer.id) : feedbackKeyOwner(d.feedbackId);
    return { owner, value: d.personal as Json, store: (block) => ({ ...d, personal: block }) };
  },
  blockOf(data) {
    const { personal } = data as { personal: unknown };
    return isSealedBlock(personal) ? personal : null;
  },
  opened(data, open) {
    const d = data as { personal: unknown };
    if (!isSealedBlock(d.personal)) return data;
    const plain = open(d.personal);
    return { ...d, personal: plain === null ? REDACTED_PERSONAL : plain };
  },
};

/**
 * The sealed block of a FeedbackReceived a sealing store opened, without opening it: null when
 * the event holds its personal fields plain (version 1, or a store that does not seal).
 */
export function sealedPersonalOf(data: Received): SealedBlock | null {
  const stored = storedDataOf(data);
  return stored === undefined ? null : feedbackReceivedPersonal.blockOf(stored);
}
