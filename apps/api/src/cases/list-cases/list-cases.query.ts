import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { CasePageResponse } from '../shared/case-page.response';
import { ListCasesRequest } from './list-cases.request.dto';

export class ListCasesQuery extends Query<CasePageResponse> {
  constructor(
    readonly viewer: Actor,
    readonly request: ListCasesRequest,
  ) {
    super();
  }
}
