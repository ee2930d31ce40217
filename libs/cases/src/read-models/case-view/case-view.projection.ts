import { defineProjection } from '@heard/projections';
import { CASE_EVENT_TYPES } from '../../domain/case.events';
import { CaseView } from './case-view.entity';
import { evolveCaseView } from './case-view.evolve';

export const caseViewProjection = defineProjection({
  name: 'case-view',
  entities: [CaseView],
  handles: CASE_EVENT_TYPES,
  async apply(event, manager) {
    if (!event.streamId.startsWith('case-')) return;
    const rows = manager.getRepository(CaseView);
    const caseId = event.streamId.slice('case-'.length);
    const row = await rows.findOneBy({ caseId });
    const next = evolveCaseView(row, event);
    if (next !== null && next !== row) await rows.save(next);
  },
});
