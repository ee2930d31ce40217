import { EventStore } from '@heard/event-store';
import { customerStreamId } from '../erasure/customer-erased.event';
import { PreferenceEvent } from './preferences.events';
import { evolvePreferences, initialPreferencesState } from './preferences.evolve';
import { Preferences } from './preferences.types';

const KNOWN = new Set(['ContactPreferencesSet', 'OptedOut', 'CustomerErased']);

/**
 * The customer's preferences, folded from their stream through the sealing store: one short
 * stream per customer, and an erased key reads as no addresses without any table to clean.
 */
export async function getPreferences(
  store: EventStore,
  customerId: string,
): Promise<Preferences | null> {
  const history = await store.readStream(customerStreamId(customerId));
  return history
    .filter((e) => KNOWN.has(e.type))
    .reduce(
      (state, e) => evolvePreferences(state, { type: e.type, data: e.data } as PreferenceEvent),
      initialPreferencesState(),
    ).preferences;
}
