import { InMemoryEventStore } from '@heard/event-store/testing';
import { ReadModelDatabase } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { putStore } from '../application/put-store/put-store.handler';
import {
  directoryReadModelEntities,
  feedDirectoryProjections,
  LATER,
  memorySqliteDatabase,
  putStoreCommand,
  seedDirectoryWorld,
} from '../testing';
import { resolveScope } from './resolve-scope';

describe('resolveScope', () => {
  let eventStore: InMemoryEventStore;
  let database: ReadModelDatabase;
  let dataSource: DataSource;

  const project = async () =>
    feedDirectoryProjections(dataSource, await eventStore.readAll({ limit: 10_000 }));
  const staff = (
    personId: string,
    ids: Partial<Record<'storeIds' | 'regionIds' | 'teamIds', string[]>>,
  ) => ({
    kind: 'staff',
    personId,
    storeIds: [],
    regionIds: [],
    teamIds: [],
    ...ids,
  });

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectoryWorld(eventStore);
    database = await memorySqliteDatabase();
    dataSource = await database.open(directoryReadModelEntities);
    await project();
  });

  afterEach(() => database.dispose());

  it('gives a CX admin everything', async () => {
    expect(await resolveScope({ id: 'admin-1', role: 'cx_admin' }, dataSource)).toEqual({
      kind: 'everything',
    });
  });

  it('gives a store manager the stores they manage, in any region, and their teams', async () => {
    expect(await resolveScope({ id: 'M-42', role: 'store_manager' }, dataSource)).toEqual(
      staff('M-42', { storeIds: ['S-042', 'S-100'], teamIds: ['T-floor'] }),
    );
  });

  it('gives a regional manager the regions they lead and every store in them', async () => {
    expect(await resolveScope({ id: 'RM-2', role: 'regional_manager' }, dataSource)).toEqual(
      staff('RM-2', { storeIds: ['S-100'], regionIds: ['R-S'] }),
    );
  });

  it('gives an agent the teams that list them', async () => {
    expect(await resolveScope({ id: 'A-1', role: 'agent' }, dataSource)).toEqual(
      staff('A-1', { teamIds: ['T-cx', 'T-floor'] }),
    );
  });

  it('follows the directory: a store handed to another manager leaves the first one’s scope', async () => {
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER }));
    await project();
    expect(await resolveScope({ id: 'M-42', role: 'store_manager' }, dataSource)).toMatchObject({
      storeIds: ['S-100'],
    });
    expect(await resolveScope({ id: 'M-7', role: 'store_manager' }, dataSource)).toMatchObject({
      storeIds: ['S-042', 'S-043'],
    });
  });

  it('gives staff unknown to the directory an empty staff scope, not an error', async () => {
    expect(await resolveScope({ id: 'M-new', role: 'store_manager' }, dataSource)).toEqual(
      staff('M-new', {}),
    );
  });

  it('gives a customer their own id and an integration nothing', async () => {
    expect(await resolveScope({ id: 'c-9', role: 'customer' }, dataSource)).toEqual({
      kind: 'customer',
      customerId: 'c-9',
    });
    expect(await resolveScope({ id: 'pos-1', role: 'integration' }, dataSource)).toEqual({
      kind: 'nothing',
    });
  });
});
