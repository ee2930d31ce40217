import { DataSource } from 'typeorm';
import { PersonView } from '../read-models/person-view.entity';
import { RegionView } from '../read-models/region-view.entity';
import { StoreView } from '../read-models/store-view.entity';
import { TeamMemberView } from '../read-models/team-member-view.entity';
import { TeamView } from '../read-models/team-view.entity';

const byKey =
  <Row>(key: (row: Row) => string) =>
  (a: Row, b: Row) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

const plain = <Row extends { updatedAt: Date }>(row: Row) => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

/** Every directory row as plain sorted objects, comparable across databases with toEqual. */
export async function directoryViewsSnapshot(dataSource: DataSource): Promise<object> {
  const all = <Row extends object>(entity: new () => Row) =>
    dataSource.getRepository(entity).find();
  return {
    regions: (await all(RegionView)).map(plain).sort(byKey((r) => r.regionId)),
    stores: (await all(StoreView)).map(plain).sort(byKey((r) => r.storeId)),
    teams: (await all(TeamView)).map(plain).sort(byKey((r) => r.teamId)),
    members: (await all(TeamMemberView))
      .map((r) => ({ ...r }))
      .sort(byKey((r) => `${r.teamId} ${r.personId}`)),
    people: (await all(PersonView)).map(plain).sort(byKey((r) => r.personId)),
  };
}
