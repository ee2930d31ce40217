import { Clock, EventStore } from '@heard/event-store';
import { entryOfResult, putTeam } from '@heard/directory';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { changeStampOf } from '../../shared/change-stamp-of';
import { PutTeamCommand } from './put-team.command';

@CommandHandler(PutTeamCommand)
export class PutTeamHandler implements ICommandHandler<PutTeamCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ team, actor }: PutTeamCommand) {
    const stamp = changeStampOf(actor, this.clock);
    return entryOfResult(await putTeam(this.store, { type: 'PutTeam', ...team, ...stamp }));
  }
}
