import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { AddNoteRequest } from './add-note.request.dto';

export class AddNoteCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AddNoteRequest,
  ) {
    super();
  }
}
