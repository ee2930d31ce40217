import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';

export class CloseCaseCommand extends Command<CaseSummaryResponse> {
  constructor(readonly target: CaseActionTarget) {
    super();
  }
}
