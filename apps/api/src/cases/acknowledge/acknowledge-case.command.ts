import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';

export class AcknowledgeCaseCommand extends Command<CaseSummaryResponse> {
  constructor(readonly target: CaseActionTarget) {
    super();
  }
}
