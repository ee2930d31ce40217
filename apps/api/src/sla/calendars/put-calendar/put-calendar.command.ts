import { Actor } from '@heard/kernel';
import { CalendarDraft, CalendarEntry } from '@heard/sla';
import { Command } from '@nestjs/cqrs';

export class PutCalendarCommand extends Command<CalendarEntry> {
  constructor(
    readonly calendarId: string,
    readonly calendar: CalendarDraft,
    readonly actor: Actor,
  ) {
    super();
  }
}
