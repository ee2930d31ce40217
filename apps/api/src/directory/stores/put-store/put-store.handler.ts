import { Clock, EventStore } from '@heard/event-store';
import { entryOfResult, putStore, StoreReferences } from '@heard/directory';
import { getCalendar } from '@heard/sla';
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

  /** The API sees both contexts, so it tells the directory which calendars exist. */
  private readonly references: StoreReferences = {
    calendarExists: async (calendarId) => (await getCalendar(this.eventStore, calendarId)) !== null,
  };

  async execute({ store, actor }: PutStoreCommand) {
    const stamp = changeStampOf(actor, this.clock);
    const command = { type: 'PutStore', ...store, ...stamp } as const;
    return entryOfResult(await putStore(this.eventStore, command, {}, this.references));
  }
}
