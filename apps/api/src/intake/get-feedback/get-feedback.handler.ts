import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseVisibleTo } from '@heard/cases/subscriptions';
import { resolveScope } from '@heard/directory/read-models';
import { EventStore } from '@heard/event-store';
import { FeedbackDetails, getFeedback } from '@heard/feedback';
import { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODELS } from '../../platform/tokens';
import { GetFeedbackQuery } from './get-feedback.query';

@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async execute({ feedbackId, viewer }: GetFeedbackQuery): Promise<FeedbackDetails> {
    // The directory's scope and the case rule of GET /v1/cases/{id}: whoever may read a case may
    // read its feedback, and an agent, whose scope is its teams, no more than that.
    const scope = await resolveScope(viewer, this.readModels);
    const details = await getFeedback(this.store, feedbackId, viewer, scope, (found) =>
      caseVisibleTo(scope, found),
    );
    // The same answer whether it does not exist or is not the viewer's: no existence leak.
    if (!details) throw new NotFoundException(`feedback ${feedbackId} not found`);
    return details;
  }
}
