import type { Json } from '@heard/event-store';
import { customerKeyOwner } from '../keys/key-owner';
import { PersonalFields } from '../personal/personal-fields';
import { isSealedBlock } from '../personal/sealed-block';
import { ContactPreferencesSet, PreferenceAddresses } from './preferences.events';

type PreferencesData = ContactPreferencesSet['data'];

/**
 * The sealing store seals what is appended below this version; every ContactPreferencesSet ever
 * stored is version 2, so no plain addresses exist in any store.
 */
export const CONTACT_PREFERENCES_SEALED_VERSION = 2;

const REDACTED_ADDRESSES: PreferenceAddresses = { redacted: true };

/** A customer's addresses are sealed under their key, so erasure shreds them with their words. */
export const contactPreferencesSetPersonal: PersonalFields = {
  type: 'ContactPreferencesSet',
  sealedVersion: CONTACT_PREFERENCES_SEALED_VERSION,
  upcasters: [{ type: 'ContactPreferencesSet', fromVersion: 1, upcast: (data) => data }],
  // Opening replaces `personal` alone: readers of the rest never decrypt.
  openedOnRead: ['personal'],
  personalOf(data) {
    const d = data as PreferencesData;
    if (isSealedBlock(d.personal)) return null;
    return {
      owner: customerKeyOwner(d.customerId),
      value: d.personal as Json,
      store: (block) => ({ ...d, personal: block }),
    };
  },
  blockOf(data) {
    const { personal } = data as { personal: unknown };
    return isSealedBlock(personal) ? personal : null;
  },
  opened(data, open) {
    const d = data as { personal: unknown };
    if (!isSealedBlock(d.personal)) return data;
    const plain = open(d.personal);
    return { ...d, personal: plain === null ? REDACTED_ADDRESSES : plain };
  },
};
