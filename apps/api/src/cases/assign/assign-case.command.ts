import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { AssignCaseRequest } from './assign-case.request.dto';

export class AssignCaseCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AssignCaseRequest,
  ) {
    super();
  }
}
