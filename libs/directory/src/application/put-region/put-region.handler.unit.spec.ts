import { InMemoryEventStore } from '@heard/event-store/testing';
import { putRegionCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { putRegion } from './put-region.handler';

describe('putRegion', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
  });

  it('changes the lead to another regional manager', async () => {
    const result = await putRegion(eventStore, putRegionCommand({ name: 'North-East' }));
    expect(result.events.map((e) => e.type)).toEqual(['RegionChanged']);
    expect(result.state).toMatchObject({ status: 'Defined', current: { name: 'North-East' } });
  });

  it('refuses a lead who is not a regional manager', async () => {
    await expect(putRegion(eventStore, putRegionCommand({ leadId: 'M-42' }))).rejects.toMatchObject(
      {
        code: 'directory.missing_role',
        field: 'leadId',
      },
    );
  });

  it('refuses a malformed region id before touching the store', async () => {
    await expect(putRegion(eventStore, putRegionCommand({ regionId: '' }))).rejects.toMatchObject({
      code: 'directory.invalid_id',
      field: 'regionId',
    });
  });
});
