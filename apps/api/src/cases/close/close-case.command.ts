import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';

export class CloseCaseCommand extends Command<CaseAnswer> {
  constructor(readonly target: CaseActionTarget) {
    super();
  }
}
