import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { RecategorizeCaseRequest } from './recategorize-case.request.dto';

export class RecategorizeCaseCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: RecategorizeCaseRequest,
  ) {
    super();
  }
}
