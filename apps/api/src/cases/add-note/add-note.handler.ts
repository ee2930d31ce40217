import { uuidV7 } from '@heard/event-store';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { AddNoteCommand } from './add-note.command';

@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: AddNoteCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'AddNote',
      by,
      at,
      noteId: uuidV7(new Date(at)),
      text: body.text,
    }));
  }
}
