import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { CaseDetailsResponse } from './case-details.response';
import { CustomerCaseDetailsResponse } from './customer-case-details.response';

export class GetCaseQuery extends Query<CaseDetailsResponse | CustomerCaseDetailsResponse> {
  constructor(
    readonly caseId: string,
    readonly viewer: Actor,
  ) {
    super();
  }
}
