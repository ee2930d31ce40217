import { DirectoryEntry, PersonFields } from '@heard/directory';
import { Query } from '@nestjs/cqrs';

export class GetPersonQuery extends Query<DirectoryEntry<PersonFields> | null> {
  constructor(readonly personId: string) {
    super();
  }
}
