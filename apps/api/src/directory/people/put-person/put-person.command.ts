import { ChangeStamp, DirectoryEntry, PersonFields, PutPerson } from '@heard/directory';
import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';

export type PersonInput = Omit<PutPerson, 'type' | keyof ChangeStamp>;

export class PutPersonCommand extends Command<DirectoryEntry<PersonFields>> {
  constructor(
    readonly person: PersonInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
