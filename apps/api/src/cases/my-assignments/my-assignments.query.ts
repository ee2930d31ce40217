import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { CasePageResponse } from '../shared/case-page.response';
import { CasePageRequest } from '../shared/page.request.dto';

export class MyAssignmentsQuery extends Query<CasePageResponse> {
  constructor(
    readonly viewer: Actor,
    readonly page: CasePageRequest,
  ) {
    super();
  }
}
