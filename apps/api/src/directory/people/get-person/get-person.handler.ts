import { getPerson } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { isDirectoryId } from '../../shared/is-directory-id';
import { GetPersonQuery } from './get-person.query';

/** From the person's stream, not a read model: an admin reads back what they just put. */
@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ personId }: GetPersonQuery) {
    return isDirectoryId(personId) ? getPerson(this.store, personId) : null;
  }
}
