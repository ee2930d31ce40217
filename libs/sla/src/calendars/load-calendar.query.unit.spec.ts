import { InMemoryEventStore } from '@heard/event-store/testing';
import { LATER, putCalendarCommand } from '../testing/sla-config-commands';
import { getCalendar, loadBusinessCalendar } from './load-calendar.query';
import { putCalendar } from './put-calendar.handler';

describe('calendar loaders', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
  });

  it('answers each version as it stood, and null for one never reached or a calendar nobody put', async () => {
    await putCalendar(eventStore, putCalendarCommand());
    await putCalendar(eventStore, putCalendarCommand({ timeZone: 'Europe/Berlin', at: LATER }));
    expect(await loadBusinessCalendar(eventStore, 'kyiv-stores', 1)).toMatchObject({
      calendarId: 'kyiv-stores',
      version: 1,
      timeZone: 'Europe/Kyiv',
    });
    expect(await loadBusinessCalendar(eventStore, 'kyiv-stores', 2)).toMatchObject({
      version: 2,
      timeZone: 'Europe/Berlin',
    });
    expect(await loadBusinessCalendar(eventStore, 'kyiv-stores', 3)).toBeNull();
    expect(await loadBusinessCalendar(eventStore, 'kyiv-stores', 0)).toBeNull();
    expect(await loadBusinessCalendar(eventStore, 'elsewhere', 1)).toBeNull();
  });

  it('answers the calendar now with when it was defined and last changed', async () => {
    expect(await getCalendar(eventStore, 'kyiv-stores')).toBeNull();
    await putCalendar(eventStore, putCalendarCommand());
    await putCalendar(
      eventStore,
      putCalendarCommand({ timeZone: 'Europe/Berlin', at: LATER, by: 'admin-2' }),
    );
    expect(await getCalendar(eventStore, 'kyiv-stores')).toMatchObject({
      calendar: { version: 2, timeZone: 'Europe/Berlin' },
      definedAt: '2026-03-01T09:00:00.000Z',
      changedAt: LATER,
      changedBy: 'admin-2',
    });
  });
});
