import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';

export class AcknowledgeCaseCommand extends Command<CaseAnswer> {
  constructor(readonly target: CaseActionTarget) {
    super();
  }
}
