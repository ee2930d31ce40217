import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { AssignCaseRequest } from './assign-case.request.dto';

export class AssignCaseCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AssignCaseRequest,
  ) {
    super();
  }
}
