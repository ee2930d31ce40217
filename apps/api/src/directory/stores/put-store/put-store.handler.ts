import { Clock, EventStore } from '@heard/event-store';
import { entryOfResult, putStore } from '@heard/directory';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { changeStampOf } from '../../shared/change-stamp-of';
import { PutStoreCommand } from './put-store.command';

@CommandHandler(PutStoreCommand)
export class PutStoreHandler implements ICommandHandler<PutStoreCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ store, actor }: PutStoreCommand) {
    const stamp = changeStampOf(actor, this.clock);
    return entryOfResult(await putStore(this.eventStore, { type: 'PutStore', ...store, ...stamp }));
  }
}
