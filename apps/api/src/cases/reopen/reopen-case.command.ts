import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { ReopenCaseRequest } from './reopen-case.request.dto';

export class ReopenCaseCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ReopenCaseRequest,
  ) {
    super();
  }
}
