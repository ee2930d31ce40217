import { Clock, EventStore } from '@heard/event-store';
import { entryOfState, putCalendar, validateCalendar } from '@heard/sla';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../../platform/tokens';
import { asBadRequest } from '../../shared/as-bad-request';
import { PutCalendarCommand } from './put-calendar.command';

@CommandHandler(PutCalendarCommand)
export class PutCalendarHandler implements ICommandHandler<PutCalendarCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ calendarId, calendar, actor }: PutCalendarCommand) {
    asBadRequest(() => validateCalendar(calendarId, calendar));
    const result = await putCalendar(this.store, {
      type: 'PutCalendar',
      calendarId,
      ...calendar,
      at: this.clock.now().toISOString(),
      by: actor.id,
    });
    const entry = entryOfState(result.state, result.version);
    if (!entry) throw new Error('a put always leaves its calendar defined');
    return entry;
  }
}
