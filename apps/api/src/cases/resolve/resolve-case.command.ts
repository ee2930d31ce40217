import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { ResolveCaseRequest } from './resolve-case.request.dto';

export class ResolveCaseCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ResolveCaseRequest,
  ) {
    super();
  }
}
