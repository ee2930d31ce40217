import { DirectoryEntry, TeamFields } from '@heard/directory';
import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';

export class PutTeamCommand extends Command<DirectoryEntry<TeamFields>> {
  constructor(
    readonly team: TeamFields,
    readonly actor: Actor,
  ) {
    super();
  }
}
