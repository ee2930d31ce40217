import { RecordedEvent } from '@heard/event-store';
import { AT, LATER } from '../testing';
import { evolvePersonView } from './person-view.evolve';
import { evolveRegionView } from './region-view.evolve';
import { evolveStoreView } from './store-view.evolve';
import { evolveTeamView } from './team-view.evolve';

const recorded = (type: string, data: object, streamVersion: number, at = AT): RecordedEvent => ({
  eventId: `00000000-0000-7000-8000-00000000000${streamVersion}`,
  type,
  schemaVersion: 1,
  data: { ...data, at, by: 'admin-1' },
  streamId: 'any-1',
  streamVersion,
  globalPosition: BigInt(streamVersion),
  occurredAt: new Date(at),
  recordedAt: new Date(at),
  correlationId: null,
  causationId: null,
  actor: 'admin-1',
});

const store = { storeId: 'S-1', name: 'Quay', regionId: null, timezone: 'UTC', managerId: 'M-1' };

describe('directory view evolve', () => {
  it('makes a row from the first event and replaces it with a later one', () => {
    const first = evolveStoreView(null, recorded('StoreDefined', store, 1));
    expect(first).toEqual({ ...store, version: 1, updatedAt: new Date(AT) });
    const next = evolveStoreView(
      first,
      recorded('StoreChanged', { ...store, managerId: null }, 2, LATER),
    );
    expect(next).toEqual({ ...store, managerId: null, version: 2, updatedAt: new Date(LATER) });
  });

  it('answers null for an event the row already reflects, so a replay writes nothing', () => {
    const row = { ...store, version: 2, updatedAt: new Date(LATER) };
    expect(evolveStoreView(row, recorded('StoreChanged', store, 2))).toBeNull();
    expect(evolveStoreView(row, recorded('StoreDefined', store, 1))).toBeNull();
  });

  it('keeps a region’s lead, a team’s member set and a person’s name and roles', () => {
    expect(
      evolveRegionView(
        null,
        recorded('RegionDefined', { regionId: 'R-1', name: 'North', leadId: null }, 1),
      ),
    ).toMatchObject({ regionId: 'R-1', leadId: null });
    expect(
      evolveTeamView(
        null,
        recorded(
          'TeamDefined',
          { teamId: 'T-1', name: 'Care', queue: 'cx', memberIds: ['A-1', 'A-2'] },
          1,
        ),
      ),
    ).toMatchObject({
      team: { teamId: 'T-1', queue: 'cx', version: 1 },
      memberIds: ['A-1', 'A-2'],
    });
    expect(
      evolvePersonView(
        null,
        recorded(
          'PersonDefined',
          { personId: 'A-1', roles: ['agent'], locale: 'en-GB', personal: { name: 'Ada' } },
          1,
        ),
      ),
    ).toMatchObject({ personId: 'A-1', name: 'Ada', roles: ['agent'], locale: 'en-GB' });
  });
});
