import {
  customerStreamId,
  evolvePreferences,
  initialPreferencesState,
  PreferenceEvent,
} from '@heard/customers';
import { EventStore } from '@heard/event-store';
import { NoticeChannel } from '../../../notices/notice.events';

const KNOWN = new Set(['ContactPreferencesSet', 'OptedOut', 'CustomerErased']);

export interface Recipient {
  /** The customer's first preferred channel when scheduled; null when they named none. */
  readonly channel: NoticeChannel | null;
}

/**
 * Whether a customer is to be told "you changed this", from their own stream (the truth, not a
 * read model that may trail it): only with consent to `you_changed_this` given and not withdrawn,
 * and never once erased. Delivery checks again at send time.
 */
export async function youChangedThisRecipient(
  store: EventStore,
  customerId: string,
): Promise<Recipient | null> {
  const history = await store.readStream(customerStreamId(customerId));
  if (history.some((e) => e.type === 'CustomerErased')) return null;
  const { preferences } = history
    .filter((e) => KNOWN.has(e.type))
    .reduce(
      (state, e) => evolvePreferences(state, { type: e.type, data: e.data } as PreferenceEvent),
      initialPreferencesState(),
    );
  if (preferences?.consents.you_changed_this?.given !== true) return null;
  return { channel: preferences.channels[0]?.channel ?? null };
}
