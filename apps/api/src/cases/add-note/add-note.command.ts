import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { AddNoteRequest } from './add-note.request.dto';

export class AddNoteCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AddNoteRequest,
  ) {
    super();
  }
}
