import { loadRoutingRules } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { GetRoutingRulesQuery } from './get-routing-rules.query';

/** The live set, read from its stream: the version answered is the one to send as basedOnVersion. */
@QueryHandler(GetRoutingRulesQuery)
export class GetRoutingRulesHandler implements IQueryHandler<GetRoutingRulesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute() {
    return loadRoutingRules(this.store);
  }
}
