import { DirectoryEntry, StoreFields } from '@heard/directory';
import { Query } from '@nestjs/cqrs';

export class GetStoreQuery extends Query<DirectoryEntry<StoreFields> | null> {
  constructor(readonly storeId: string) {
    super();
  }
}
