import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { RecategorizeCaseRequest } from './recategorize-case.request.dto';

export class RecategorizeCaseCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: RecategorizeCaseRequest,
  ) {
    super();
  }
}
