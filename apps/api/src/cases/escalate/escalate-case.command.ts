import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { EscalateCaseRequest } from './escalate-case.request.dto';

export class EscalateCaseCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: EscalateCaseRequest,
  ) {
    super();
  }
}
