import { InMemoryEventStore } from '@heard/event-store/testing';
import { AT, LATER, putPersonCommand, putStoreCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { putPerson } from '../put-person/put-person.handler';
import { putStore } from '../put-store/put-store.handler';
import { getStore } from './get-store.query';

describe('getStore', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
    await putPerson(eventStore, putPersonCommand({ personId: 'M-7' }));
    await putStore(eventStore, putStoreCommand());
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER, by: 'admin-2' }));
  });

  it('answers the current entry with its history stamps', async () => {
    expect(await getStore(eventStore, 'S-042')).toEqual({
      current: {
        storeId: 'S-042',
        name: 'Harbour Street',
        regionId: 'R-N',
        timezone: 'Europe/Berlin',
        managerId: 'M-7',
        calendarId: null,
      },
      version: 2,
      definedAt: AT,
      changedAt: LATER,
      changedBy: 'admin-2',
    });
  });

  it('answers who managed the store on an earlier day', async () => {
    const entry = await getStore(eventStore, 'S-042', { asOf: new Date('2026-03-05T00:00:00Z') });
    expect(entry).toMatchObject({ current: { managerId: 'M-42' }, version: 1 });
  });

  it('answers null before the store existed and for an unknown store', async () => {
    expect(
      await getStore(eventStore, 'S-042', { asOf: new Date('2026-02-01T00:00:00Z') }),
    ).toBeNull();
    expect(await getStore(eventStore, 'S-999')).toBeNull();
  });
});
