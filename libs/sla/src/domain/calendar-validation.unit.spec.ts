import { storeHours } from './calendars.fixture';
import { CalendarDefinition, calendarDefinitionErrors } from './calendar-validation';

const valid: CalendarDefinition = { ...storeHours };
const rules = (calendar: CalendarDefinition) =>
  calendarDefinitionErrors(calendar).map(({ field, rule }) => `${field} ${rule}`);

describe('calendar validation', () => {
  it('accepts a store calendar with special days', () => {
    expect(
      calendarDefinitionErrors({
        ...valid,
        specialDays: [
          { date: '2026-12-25', hours: [], name: 'Christmas' },
          { date: '2026-12-31', hours: [{ from: '10:00', to: '16:00' }] },
        ],
      }),
    ).toEqual([]);
  });

  it.each(['Mars/Olympus', '+02:00', 'UTC+2', ''])('refuses the time zone %j', (timeZone) => {
    expect(rules({ ...valid, timeZone })).toEqual(['timeZone ianaTimeZone']);
  });

  it('refuses wall times that are not HH:mm, and 24:00 where an interval starts', () => {
    const week = {
      ...valid.week,
      mon: [{ from: '8:00', to: '22:00' }],
      tue: [{ from: '24:00', to: '02:00' }],
      wed: [{ from: '08:00', to: '24:01' }],
      thu: [{ from: '08:60', to: '22:00' }],
      fri: [{ from: '00:00', to: '24:00' }],
    };
    expect(rules({ ...valid, week })).toEqual([
      'week.mon[0].from isWallTime',
      'week.tue[0].from isWallTime',
      'week.wed[0].to isWallTime',
      'week.thu[0].from isWallTime',
    ]);
  });

  it('refuses intervals that overlap within a day', () => {
    const week = {
      ...valid.week,
      mon: [
        { from: '08:00', to: '14:00' },
        { from: '13:00', to: '20:00' },
      ],
    };
    expect(calendarDefinitionErrors({ ...valid, week })).toEqual([
      expect.objectContaining({
        field: 'week.mon[1]',
        rule: 'noOverlap',
        message: expect.stringContaining('week.mon[0]'),
      }),
    ]);
  });

  it('accepts intervals that touch', () => {
    const week = {
      ...valid.week,
      mon: [
        { from: '08:00', to: '13:00' },
        { from: '13:00', to: '20:00' },
      ],
    };
    expect(rules({ ...valid, week })).toEqual([]);
  });

  it("folds a night past midnight into the next day's hours", () => {
    const week = { ...valid.week, fri: [{ from: '18:00', to: '09:00' }] };
    expect(rules({ ...valid, week })).toEqual(['week.sat[0] noOverlap']);
    const fine = { ...valid.week, fri: [{ from: '18:00', to: '08:00' }] };
    expect(rules({ ...valid, week: fine })).toEqual([]);
  });

  it("folds Sunday's night into Monday", () => {
    const week = { ...valid.week, sun: [{ from: '22:00', to: '08:30' }] };
    expect(rules({ ...valid, week })).toEqual(['week.sun[0] noOverlap']);
  });

  it('refuses a week without opening hours', () => {
    const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(rules({ ...valid, week })).toEqual(['week someOpenHours']);
  });

  it('refuses special days that are not real dates, or named twice', () => {
    const specialDays = [
      { date: '2026-02-29', hours: [] },
      { date: '2026-13-01', hours: [] },
      { date: '26-12-25', hours: [] },
      { date: '2026-12-25', hours: [] },
      { date: '2026-12-25', hours: [] },
    ];
    expect(rules({ ...valid, specialDays })).toEqual([
      'specialDays[0].date realDate',
      'specialDays[1].date realDate',
      'specialDays[2].date realDate',
      'specialDays[4].date unique',
    ]);
  });

  it("refuses a special day's hours that overlap each other or the nights around it", () => {
    const specialDays = [
      // 2026-12-26 is a Saturday; Friday's usual hours end at 22:00.
      {
        date: '2026-12-26',
        hours: [
          { from: '10:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
      },
      { date: '2026-12-27', hours: [{ from: '20:00', to: '08:30' }] },
    ];
    expect(rules({ ...valid, specialDays })).toEqual([
      'specialDays[0].hours[1] noOverlap',
      'specialDays[1].hours[0] noOverlap',
    ]);
  });
});
