import { PublishedSlaPolicies } from '@heard/sla';
import { Query } from '@nestjs/cqrs';

export class GetSlaPoliciesQuery extends Query<PublishedSlaPolicies> {}
