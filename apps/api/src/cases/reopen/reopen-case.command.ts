import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { ReopenCaseRequest } from './reopen-case.request.dto';

export class ReopenCaseCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ReopenCaseRequest,
  ) {
    super();
  }
}
