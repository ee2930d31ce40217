import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { ChangePriorityRequest } from './change-priority.request.dto';

export class ChangePriorityCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: ChangePriorityRequest,
  ) {
    super();
  }
}
