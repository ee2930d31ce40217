import {
  customerStreamId,
  evolvePreferences,
  initialPreferencesState,
  PreferenceEvent,
} from '@heard/customers';
import { personStreamId } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { CustomerContact } from '../domain/delivery-policy';

const PREFERENCE_TYPES = new Set(['ContactPreferencesSet', 'OptedOut', 'CustomerErased']);

/** The customer's stream read again at send time: consent, addresses, locale, quiet hours, erasure. */
export async function customerContact(
  store: EventStore,
  customerId: string,
): Promise<CustomerContact> {
  const history = await store.readStream(customerStreamId(customerId));
  const known = history.filter((e) => PREFERENCE_TYPES.has(e.type));
  const { preferences } = known.reduce(
    (state, e) => evolvePreferences(state, { type: e.type, data: e.data } as PreferenceEvent),
    initialPreferencesState(),
  );
  return {
    erased: known.some((e) => e.type === 'CustomerErased'),
    channels: preferences?.channels ?? null,
    locale: preferences?.locale ?? null,
    consents: preferences?.consents ?? {},
    quietHours: preferences?.quietHours ?? null,
  };
}

export interface StaffContact {
  readonly email: string | null;
  readonly locale: string | null;
}

interface PersonData {
  readonly locale?: string;
  readonly personal?: { readonly email?: string };
}

/** A member of staff's e-mail and language, from their directory entry as it now stands. */
export async function staffContact(store: EventStore, staffId: string): Promise<StaffContact> {
  const history = await store.readStream(personStreamId(staffId));
  const last = [...history]
    .reverse()
    .find((e) => e.type === 'PersonDefined' || e.type === 'PersonChanged');
  if (last === undefined) return { email: null, locale: null };
  const data = last.data as PersonData;
  return { email: data.personal?.email ?? null, locale: data.locale ?? null };
}
