import { SlaConfigError } from '../shared/sla-config-error';
import { CalendarDraft } from './calendar-draft';
import { storeHours } from './calendars.fixture';
import { validateCalendar } from './validate-calendar';

const valid: CalendarDraft = { timeZone: storeHours.timeZone, week: storeHours.week };

/** The first field refused and its rule, or 'valid'. */
function refusal(draft: CalendarDraft): string {
  try {
    validateCalendar('cal-1', draft);
    return 'valid';
  } catch (error) {
    if (error instanceof SlaConfigError) return `${error.field} ${error.code}`;
    throw error;
  }
}

describe('calendar validation', () => {
  it('normalises a store calendar: every weekday, intervals and special days in order', () => {
    expect(
      validateCalendar('cal-1', {
        timeZone: 'Europe/Kyiv',
        week: {
          mon: [
            { from: '14:00', to: '20:00' },
            { from: '08:00', to: '13:00' },
          ],
        },
        specialDays: [
          { date: '2026-12-31', hours: [{ from: '10:00', to: '16:00' }] },
          { date: '2026-12-25', name: 'Christmas' },
        ],
      }),
    ).toEqual({
      calendarId: 'cal-1',
      timeZone: 'Europe/Kyiv',
      week: {
        mon: [
          { from: '08:00', to: '13:00' },
          { from: '14:00', to: '20:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
      specialDays: [
        { date: '2026-12-25', hours: [], name: 'Christmas' },
        { date: '2026-12-31', hours: [{ from: '10:00', to: '16:00' }] },
      ],
    });
  });

  it.each(['Mars/Olympus', '+02:00', 'UTC+2', ''])('refuses the time zone %j', (timeZone) => {
    expect(refusal({ ...valid, timeZone })).toBe('timeZone sla.invalid_timezone');
  });

  it.each<[string, string, string]>([
    ['8:00', '22:00', 'week.mon[0].from'],
    ['24:00', '02:00', 'week.mon[0].from'],
    ['08:00', '24:01', 'week.mon[0].to'],
    ['08:60', '22:00', 'week.mon[0].from'],
  ])('refuses the wall time in %s–%s', (from, to, field) => {
    expect(refusal({ ...valid, week: { mon: [{ from, to }] } })).toBe(
      `${field} sla.invalid_wall_clock_time`,
    );
  });

  it('accepts a whole day 00:00–24:00, and intervals that touch', () => {
    expect(refusal({ ...valid, week: { fri: [{ from: '00:00', to: '24:00' }] } })).toBe('valid');
    const touching = [
      { from: '08:00', to: '13:00' },
      { from: '13:00', to: '20:00' },
    ];
    expect(refusal({ ...valid, week: { mon: touching } })).toBe('valid');
  });

  it('refuses intervals that overlap within a day, naming the later one', () => {
    const mon = [
      { from: '08:00', to: '14:00' },
      { from: '13:00', to: '20:00' },
    ];
    expect(() => validateCalendar('cal-1', { ...valid, week: { mon } })).toThrow(
      expect.objectContaining({
        field: 'week.mon[1]',
        code: 'sla.overlapping_hours',
        message: expect.stringContaining('week.mon[0]'),
      }),
    );
  });

  it("folds a night past midnight into the next day's hours", () => {
    const week = { ...storeHours.week, fri: [{ from: '18:00', to: '09:00' }] };
    expect(refusal({ ...valid, week })).toBe('week.sat[0] sla.overlapping_hours');
    const fine = { ...storeHours.week, fri: [{ from: '18:00', to: '08:00' }] };
    expect(refusal({ ...valid, week: fine })).toBe('valid');
  });

  it("folds Sunday's night into Monday", () => {
    const week = { ...storeHours.week, sun: [{ from: '22:00', to: '08:30' }] };
    expect(refusal({ ...valid, week })).toBe('week.mon[0] sla.overlapping_hours');
  });

  it('refuses a week without opening hours: business time could never be counted in it', () => {
    expect(refusal({ ...valid, week: {} })).toBe('week sla.no_opening_hours');
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(refusal({ ...valid, week: closed })).toBe('week sla.no_opening_hours');
  });

  it.each(['2026-02-29', '2026-13-01', '26-12-25', '1969-12-31'])(
    'refuses the special day %s',
    (date) => {
      expect(refusal({ ...valid, specialDays: [{ date }] })).toBe(
        'specialDays[0].date sla.invalid_date',
      );
    },
  );

  it('refuses a date named twice, and overlapping hours on a special day', () => {
    const twice = [{ date: '2026-12-25' }, { date: '2026-12-26' }, { date: '2026-12-25' }];
    expect(refusal({ ...valid, specialDays: twice })).toBe(
      'specialDays[2].date sla.duplicate_date',
    );
    const hours = [
      { from: '10:00', to: '12:00' },
      { from: '11:00', to: '13:00' },
    ];
    expect(refusal({ ...valid, specialDays: [{ date: '2026-12-26', hours }] })).toBe(
      'specialDays[0].hours[1] sla.overlapping_hours',
    );
  });
});
