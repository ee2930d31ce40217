import { FixedClock } from '@heard/event-store/testing';
import { eraseCustomer } from '../erasure/erase-customer';
import { personalDataStore } from '../testing/personal-data-store';
import { contactPreferencesSetPersonal } from './contact-preferences-set.personal';
import { getPreferences } from './get-preferences';
import { changePreferences } from './set-preferences';

const EMAIL = 'olena.petrenko@example.com';
const PHONE = '+380501234567';

describe('preferences on the sealing store', () => {
  const setUp = () => personalDataStore([contactPreferencesSetPersonal], new FixedClock());
  const put = {
    type: 'SetPreferences',
    customerId: 'C-7',
    channels: [
      { channel: 'email', address: EMAIL },
      { channel: 'sms', address: PHONE },
      { channel: 'in_app' },
    ],
    locale: 'uk',
    consents: { surveys: { given: true, how: 'api' } },
    quietHours: null,
    by: 'C-7',
    at: '2026-12-01T10:00:00.000Z',
  } as const;

  it('stores the addresses only sealed and reads them back', async () => {
    const { raw, store } = setUp();
    await changePreferences(store, put);
    const [stored] = await raw.readStream('customer-C-7');
    expect(stored.schemaVersion).toBe(2);
    expect(JSON.stringify(stored.data)).not.toContain(EMAIL);
    expect(JSON.stringify(stored.data)).not.toContain('380501234567');
    expect((await getPreferences(store, 'C-7'))?.channels).toEqual(put.channels);
  });

  it('reads no addresses once the customer is erased, and keeps the rest', async () => {
    const { store, personal, clock } = setUp();
    await changePreferences(store, put);
    await eraseCustomer({ store, personal, clock }, 'C-7', 'admin-1');
    expect(await getPreferences(store, 'C-7')).toMatchObject({
      channels: [{ channel: 'email' }, { channel: 'sms' }, { channel: 'in_app' }],
      locale: 'uk',
      consents: { surveys: { given: true } },
    });
  });

  it('has nothing for a customer never seen', async () => {
    expect(await getPreferences(setUp().store, 'C-none')).toBeNull();
  });
});
