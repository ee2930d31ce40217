import { getStore } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { isDirectoryId } from '../../shared/is-directory-id';
import { GetStoreQuery } from './get-store.query';

/** From the store's stream, not a read model: an admin reads back what they just put. */
@QueryHandler(GetStoreQuery)
export class GetStoreHandler implements IQueryHandler<GetStoreQuery> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({ storeId }: GetStoreQuery) {
    return isDirectoryId(storeId) ? getStore(this.eventStore, storeId) : null;
  }
}
