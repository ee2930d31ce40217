import { defineProjection } from '@heard/projections';
import { StoreFields } from '../domain/store/store.events';
import { StoreView } from './store-view.entity';
import { evolveStoreView, STORE_VIEW_EVENTS } from './store-view.evolve';

export const storeViewProjection = defineProjection({
  name: 'directory-stores',
  entities: [StoreView],
  handles: STORE_VIEW_EVENTS,
  async apply(event, manager) {
    const { storeId } = event.data as StoreFields;
    const rows = manager.getRepository(StoreView);
    const row = await rows.findOneBy({ storeId });
    const next = evolveStoreView(row, event);
    if (next === null) return;
    // Insert or update outright: `save` would select the row again and open a savepoint.
    if (row === null) await rows.insert(next);
    else await rows.update({ storeId }, next);
  },
});
