import { deciderSpec } from '@heard/directory/testing';
import { ADMIN, AT, LATER, putCalendarCommand } from '../testing/sla-config-commands';
import { calendarDecider } from './calendar.decider';
import { CalendarDefined } from './calendar.events';
import { MAX_SPECIAL_DAYS } from '../domain/validate-special-days';

const spec = deciderSpec(calendarDecider);

const defined: CalendarDefined = {
  type: 'CalendarDefined',
  data: {
    calendarId: 'kyiv-stores',
    timeZone: 'Europe/Kyiv',
    week: {
      mon: [{ from: '08:00', to: '20:00' }],
      tue: [],
      wed: [],
      thu: [],
      fri: [
        { from: '08:00', to: '13:00' },
        { from: '14:00', to: '24:00' },
      ],
      sat: [{ from: '22:00', to: '02:00' }],
      sun: [],
    },
    specialDays: [
      { date: '2026-12-24', hours: [{ from: '08:00', to: '14:00' }] },
      { date: '2026-12-25', hours: [], name: 'Christmas' },
    ],
    at: AT,
    by: ADMIN,
  },
};

describe('calendar decider', () => {
  it('defines a calendar with every weekday, special days in date order', () => {
    spec.given([]).when(putCalendarCommand()).then([defined]);
  });

  it('treats the same hours in another order, or closed days spelled out, as no change', () => {
    const { week } = putCalendarCommand();
    spec
      .given([defined])
      .when(
        putCalendarCommand({
          week: { ...week, fri: [...(week?.fri ?? [])].reverse(), tue: [] },
          at: LATER,
        }),
      )
      .thenNothing();
  });

  it('records other hours as a change, with when and by whom', () => {
    spec
      .given([defined])
      .when(putCalendarCommand({ week: { mon: [{ from: '09:00', to: '18:00' }] }, at: LATER }))
      .then([
        {
          type: 'CalendarChanged',
          data: {
            ...defined.data,
            week: { ...defined.data.week, mon: [{ from: '09:00', to: '18:00' }], fri: [], sat: [] },
            at: LATER,
          },
        },
      ]);
  });

  it('lets intervals touch, and one run past midnight into a closed morning', () => {
    const events = calendarDecider.decide(
      putCalendarCommand({
        week: {
          mon: [
            { from: '00:00', to: '12:00' },
            { from: '12:00', to: '24:00' },
          ],
          sun: [{ from: '18:00', to: '00:00' }],
        },
      }),
      calendarDecider.initialState(),
    );
    expect(events).toHaveLength(1);
  });

  it.each<[string, object, string, string]>([
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'sla.invalid_timezone'],
    ['an offset for a zone', { timeZone: '+02:00' }, 'timeZone', 'sla.invalid_timezone'],
    [
      '25:00',
      { week: { mon: [{ from: '08:00', to: '25:00' }] } },
      'week.mon[0].to',
      'sla.invalid_wall_clock_time',
    ],
    [
      '24:00 as a start',
      { week: { mon: [{ from: '24:00', to: '02:00' }] } },
      'week.mon[0].from',
      'sla.invalid_wall_clock_time',
    ],
    [
      '8:00 without its leading zero',
      { week: { mon: [{ from: '8:00', to: '12:00' }] } },
      'week.mon[0].from',
      'sla.invalid_wall_clock_time',
    ],
    [
      'overlapping intervals of one day',
      {
        week: {
          tue: [
            { from: '12:00', to: '18:00' },
            { from: '08:00', to: '13:00' },
          ],
        },
      },
      'week.tue[0]',
      'sla.overlapping_hours',
    ],
    [
      'a night that overlaps the next morning',
      { week: { wed: [{ from: '22:00', to: '03:00' }], thu: [{ from: '02:00', to: '10:00' }] } },
      'week.thu[0]',
      'sla.overlapping_hours',
    ],
    [
      'a Sunday night that overlaps Monday morning',
      { week: { mon: [{ from: '00:00', to: '10:00' }], sun: [{ from: '20:00', to: '01:00' }] } },
      'week.mon[0]',
      'sla.overlapping_hours',
    ],
    ['an unknown weekday', { week: { monday: [] } }, 'week.monday', 'sla.invalid_weekday'],
    [
      'a date that does not exist',
      { specialDays: [{ date: '2026-02-30', hours: [] }] },
      'specialDays[0].date',
      'sla.invalid_date',
    ],
    [
      'a date in another format',
      { specialDays: [{ date: '25.12.2026' }] },
      'specialDays[0].date',
      'sla.invalid_date',
    ],
    [
      'the same date twice',
      {
        specialDays: [
          { date: '2026-12-25' },
          { date: '2026-12-25', hours: [{ from: '10:00', to: '12:00' }] },
        ],
      },
      'specialDays[1].date',
      'sla.duplicate_date',
    ],
    [
      'overlapping hours on a special day',
      {
        specialDays: [
          {
            date: '2026-12-24',
            hours: [
              { from: '08:00', to: '14:00' },
              { from: '13:00', to: '15:00' },
            ],
          },
        ],
      },
      'specialDays[0].hours[1]',
      'sla.overlapping_hours',
    ],
    [
      'an id that cannot be part of a stream name',
      { calendarId: 'kyiv stores' },
      'calendarId',
      'sla.invalid_id',
    ],
  ])('refuses %s, naming the field', (_what, overrides, field, code) => {
    spec.given([]).when(putCalendarCommand(overrides)).thenRefuses({ code, field });
  });

  it(`refuses more than ${MAX_SPECIAL_DAYS} special days`, () => {
    const start = Date.UTC(2026, 0, 1);
    const specialDays = Array.from({ length: MAX_SPECIAL_DAYS + 1 }, (_, i) => ({
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    }));
    spec
      .given([])
      .when(putCalendarCommand({ specialDays }))
      .thenRefuses({ code: 'sla.invalid_list', field: 'specialDays' });
  });
});
