import { getRegion } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { isDirectoryId } from '../../shared/is-directory-id';
import { GetRegionQuery } from './get-region.query';

/** From the region's stream, not a read model: an admin reads back what they just put. */
@QueryHandler(GetRegionQuery)
export class GetRegionHandler implements IQueryHandler<GetRegionQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ regionId }: GetRegionQuery) {
    return isDirectoryId(regionId) ? getRegion(this.store, regionId) : null;
  }
}
