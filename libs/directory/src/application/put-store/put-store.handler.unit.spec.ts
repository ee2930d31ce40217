import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { AT, LATER, putPersonCommand, putStoreCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { putPerson } from '../put-person/put-person.handler';
import { putStore } from './put-store.handler';

describe('putStore', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore(new FixedClock());
    await seedDirectory(eventStore);
  });

  it('appends StoreDefined with the stamp in the envelope', async () => {
    const result = await putStore(eventStore, putStoreCommand(), { correlationId: 'req-1' });
    expect(result.version).toBe(1);
    const [stored] = await eventStore.readStream('store-S-042');
    expect(stored).toMatchObject({
      type: 'StoreDefined',
      data: { storeId: 'S-042', managerId: 'M-42', timezone: 'Europe/Berlin' },
      occurredAt: new Date(AT),
      actor: 'admin-1',
      correlationId: 'req-1',
    });
  });

  it('appends nothing for a repeated put', async () => {
    await putStore(eventStore, putStoreCommand());
    const again = await putStore(eventStore, putStoreCommand({ at: LATER }));
    expect(again.events).toEqual([]);
    expect(again.version).toBe(1);
    expect(await eventStore.readStream('store-S-042')).toHaveLength(1);
  });

  it('appends StoreChanged when the manager changes', async () => {
    await putPerson(eventStore, putPersonCommand({ personId: 'M-7' }));
    await putStore(eventStore, putStoreCommand());
    const result = await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER }));
    expect(result.events.map((e) => e.type)).toEqual(['StoreChanged']);
    expect(result.version).toBe(2);
  });

  it('refuses a region that is not defined', async () => {
    await expect(putStore(eventStore, putStoreCommand({ regionId: 'R-X' }))).rejects.toMatchObject({
      code: 'directory.unknown_region',
      field: 'regionId',
    });
    expect(await eventStore.readStream('store-S-042')).toEqual([]);
  });

  it('refuses a manager who is not a person in the directory', async () => {
    await expect(putStore(eventStore, putStoreCommand({ managerId: 'M-0' }))).rejects.toMatchObject(
      {
        code: 'directory.unknown_person',
        field: 'managerId',
      },
    );
  });

  it('refuses a manager without the store_manager role', async () => {
    await expect(putStore(eventStore, putStoreCommand({ managerId: 'A-1' }))).rejects.toMatchObject(
      {
        code: 'directory.missing_role',
        field: 'managerId',
      },
    );
  });

  it('names a calendar the caller says exists, and refuses one it says does not', async () => {
    const calendarExists = async (calendarId: string) => calendarId === 'kyiv-stores';
    const named = await putStore(
      eventStore,
      putStoreCommand({ calendarId: 'kyiv-stores' }),
      {},
      { calendarExists },
    );
    expect(named.state).toMatchObject({ current: { calendarId: 'kyiv-stores' } });
    await expect(
      putStore(eventStore, putStoreCommand({ calendarId: 'nowhere' }), {}, { calendarExists }),
    ).rejects.toMatchObject({ code: 'directory.unknown_calendar', field: 'calendarId' });
    expect(await eventStore.readStream('store-S-042')).toHaveLength(1);
  });

  it('accepts a store with no region and a vacant manager post', async () => {
    const result = await putStore(eventStore, putStoreCommand({ regionId: null, managerId: null }));
    expect(result.events).toHaveLength(1);
  });
});
