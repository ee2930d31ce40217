import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { EscalateCaseRequest } from './escalate-case.request.dto';

export class EscalateCaseCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: EscalateCaseRequest,
  ) {
    super();
  }
}
