import { defineProjection } from '@heard/projections';
import { ImprovementEvent } from '../improvement.events';
import { ImprovementStoreRow, ImprovementViewRow } from './improvement-view.entity';

const HANDLES: readonly ImprovementEvent['type'][] = [
  'ImprovementProposed',
  'FeedbackLinked',
  'ImprovementStarted',
  'ImprovementShipped',
  'ImprovementCancelled',
];

/** The list behind `GET /v1/improvements`; the single improvement is read from its stream. */
export const improvementViewProjection = defineProjection({
  name: 'loop-improvements',
  entities: [ImprovementViewRow, ImprovementStoreRow],
  handles: HANDLES,
  async apply(event, manager) {
    const domain = { type: event.type, data: event.data } as ImprovementEvent;
    const rows = manager.getRepository(ImprovementViewRow);
    const { improvementId } = domain.data;
    const version = event.streamVersion;
    if (domain.type === 'ImprovementProposed') {
      const d = domain.data;
      await rows
        .createQueryBuilder()
        .insert()
        .values({
          improvementId,
          title: d.title,
          status: 'proposed',
          ownerId: d.owner,
          proposedBy: d.by,
          storeIds: JSON.stringify(d.storeIds),
          categories: JSON.stringify(d.categories),
          linkedFeedback: 0,
          proposedAt: new Date(d.at),
          shippedAt: null,
          version,
        })
        .orIgnore()
        .execute();
      if (d.storeIds.length > 0)
        await manager
          .getRepository(ImprovementStoreRow)
          .createQueryBuilder()
          .insert()
          .values(d.storeIds.map((storeId) => ({ improvementId, storeId })))
          .orIgnore()
          .execute();
      return;
    }
    const row = await rows.findOneBy({ improvementId });
    if (row === null || row.version >= version) return;
    switch (domain.type) {
      case 'FeedbackLinked':
        await rows.update(
          { improvementId },
          { linkedFeedback: row.linkedFeedback + domain.data.feedbackIds.length, version },
        );
        return;
      case 'ImprovementStarted':
        await rows.update({ improvementId }, { status: 'started', version });
        return;
      case 'ImprovementShipped':
        await rows.update(
          { improvementId },
          { status: 'shipped', shippedAt: new Date(domain.data.at), version },
        );
        return;
      case 'ImprovementCancelled':
        await rows.update({ improvementId }, { status: 'cancelled', version });
        return;
      default: {
        const unknown: never = domain;
        return unknown;
      }
    }
  },
});
