import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { ChangePriorityRequest } from './change-priority.request.dto';

export class ChangePriorityCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ChangePriorityRequest,
  ) {
    super();
  }
}
