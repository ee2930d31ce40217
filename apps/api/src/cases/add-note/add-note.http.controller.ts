import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { AddNoteCommand } from './add-note.command';
import { AddNoteRequest } from './add-note.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class AddNoteController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('notes', 'Add an internal note (never shown to the customer)')
  addNote(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: AddNoteRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new AddNoteCommand({ caseId, expectedVersion, actor }, body));
  }
}
