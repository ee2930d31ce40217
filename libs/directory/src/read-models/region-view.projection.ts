import { defineProjection } from '@heard/projections';
import { RegionFields } from '../domain/region/region.events';
import { RegionView } from './region-view.entity';
import { evolveRegionView, REGION_VIEW_EVENTS } from './region-view.evolve';

export const regionViewProjection = defineProjection({
  name: 'directory-regions',
  entities: [RegionView],
  handles: REGION_VIEW_EVENTS,
  async apply(event, manager) {
    const { regionId } = event.data as RegionFields;
    const rows = manager.getRepository(RegionView);
    const row = await rows.findOneBy({ regionId });
    const next = evolveRegionView(row, event);
    if (next === null) return;
    // Insert or update outright: `save` would select the row again and open a savepoint.
    if (row === null) await rows.insert(next);
    else await rows.update({ regionId }, next);
  },
});
