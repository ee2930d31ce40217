import { DirectoryEntry, RegionFields } from '@heard/directory';
import { Actor } from '@heard/kernel';
import { Command } from '@nestjs/cqrs';

export class PutRegionCommand extends Command<DirectoryEntry<RegionFields>> {
  constructor(
    readonly region: RegionFields,
    readonly actor: Actor,
  ) {
    super();
  }
}
