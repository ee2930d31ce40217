import { EventStore } from '@heard/event-store';
import { loadSlaPolicies } from '@heard/sla';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { GetSlaPoliciesQuery } from './get-sla-policies.query';

/** From the stream, not a read model: the version answered is the one to send as basedOnVersion. */
@QueryHandler(GetSlaPoliciesQuery)
export class GetSlaPoliciesHandler implements IQueryHandler<GetSlaPoliciesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute() {
    return loadSlaPolicies(this.store);
  }
}
