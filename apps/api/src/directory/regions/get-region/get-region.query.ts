import { DirectoryEntry, RegionFields } from '@heard/directory';
import { Query } from '@nestjs/cqrs';

export class GetRegionQuery extends Query<DirectoryEntry<RegionFields> | null> {
  constructor(readonly regionId: string) {
    super();
  }
}
