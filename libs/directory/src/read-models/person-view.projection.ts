import { defineProjection } from '@heard/projections';
import { PersonFields } from '../domain/person/person.events';
import { PersonView } from './person-view.entity';
import { evolvePersonView, PERSON_VIEW_EVENTS } from './person-view.evolve';

export const personViewProjection = defineProjection({
  name: 'directory-people',
  entities: [PersonView],
  handles: PERSON_VIEW_EVENTS,
  async apply(event, manager) {
    const { personId } = event.data as PersonFields;
    const rows = manager.getRepository(PersonView);
    const row = await rows.findOneBy({ personId });
    const next = evolvePersonView(row, event);
    if (next === null) return;
    // Insert or update outright: `save` would select the row again and open a savepoint.
    if (row === null) await rows.insert(next);
    else await rows.update({ personId }, next);
  },
});
