import { PublishedRoutingRules } from '@heard/directory';
import { Query } from '@nestjs/cqrs';

export class GetRoutingRulesQuery extends Query<PublishedRoutingRules | null> {}
