import { DirectoryEntry, StoreFields } from '@heard/directory';
import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';

export class PutStoreCommand extends Command<DirectoryEntry<StoreFields>> {
  constructor(
    readonly store: StoreFields,
    readonly actor: Actor,
  ) {
    super();
  }
}
