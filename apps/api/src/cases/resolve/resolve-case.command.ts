import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { ResolveCaseRequest } from './resolve-case.request.dto';

export class ResolveCaseCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ResolveCaseRequest,
  ) {
    super();
  }
}
