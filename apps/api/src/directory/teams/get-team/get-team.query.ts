import { DirectoryEntry, TeamFields } from '@heard/directory';
import { Query } from '@nestjs/cqrs';

export class GetTeamQuery extends Query<DirectoryEntry<TeamFields> | null> {
  constructor(readonly teamId: string) {
    super();
  }
}
