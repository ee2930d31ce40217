import { getTeam } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { isDirectoryId } from '../../shared/is-directory-id';
import { GetTeamQuery } from './get-team.query';

/** From the team's stream, not a read model: an admin reads back what they just put. */
@QueryHandler(GetTeamQuery)
export class GetTeamHandler implements IQueryHandler<GetTeamQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ teamId }: GetTeamQuery) {
    return isDirectoryId(teamId) ? getTeam(this.store, teamId) : null;
  }
}
