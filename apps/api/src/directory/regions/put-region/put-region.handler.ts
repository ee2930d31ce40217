import { Clock, EventStore } from '@heard/event-store';
import { entryOfResult, putRegion } from '@heard/directory';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { changeStampOf } from '../../shared/change-stamp-of';
import { PutRegionCommand } from './put-region.command';

@CommandHandler(PutRegionCommand)
export class PutRegionHandler implements ICommandHandler<PutRegionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ region, actor }: PutRegionCommand) {
    const stamp = changeStampOf(actor, this.clock);
    return entryOfResult(await putRegion(this.store, { type: 'PutRegion', ...region, ...stamp }));
  }
}
