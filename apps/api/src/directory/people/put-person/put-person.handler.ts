import { Clock, EventStore } from '@heard/event-store';
import { entryOfResult, putPerson } from '@heard/directory';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { changeStampOf } from '../../shared/change-stamp-of';
import { PutPersonCommand } from './put-person.command';

@CommandHandler(PutPersonCommand)
export class PutPersonHandler implements ICommandHandler<PutPersonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ person, actor }: PutPersonCommand) {
    const stamp = changeStampOf(actor, this.clock);
    return entryOfResult(await putPerson(this.store, { type: 'PutPerson', ...person, ...stamp }));
  }
}
