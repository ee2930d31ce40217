import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { allDayHours, calendar, inKyiv, kyiv, nightHours, storeHours } from './calendars.fixture';

const H = 3600_000;
const M = 60_000;

describe('business time', () => {
  it('counts every millisecond without a calendar (24x7)', () => {
    const start = kyiv('2026-11-20T17:55');
    expect(addBusinessTime(null, start, 72 * H).getTime()).toBe(start.getTime() + 72 * H);
    expect(businessTimeBetween(null, start, kyiv('2026-11-21T17:55'))).toBe(24 * H);
  });

  it('carries what is left at closing to the next opening: Friday 17:55 + 8h is Saturday 11:55', () => {
    expect(inKyiv(addBusinessTime(storeHours, kyiv('2026-11-20T17:55'), 8 * H))).toBe(
      '2026-11-21T11:55:00+02:00',
    );
    expect(inKyiv(addBusinessTime(storeHours, kyiv('2026-11-20T17:55'), 4 * H))).toBe(
      '2026-11-20T21:55:00+02:00',
    );
  });

  it('is due at closing when the time runs out exactly then', () => {
    expect(inKyiv(addBusinessTime(storeHours, kyiv('2026-11-20T18:00'), 4 * H))).toBe(
      '2026-11-20T22:00:00+02:00',
    );
  });

  it('skips the weekend: Saturday 21:00 + 2h is Monday 09:00', () => {
    expect(inKyiv(addBusinessTime(storeHours, kyiv('2026-11-21T21:00'), 2 * H))).toBe(
      '2026-11-23T09:00:00+02:00',
    );
    expect(
      businessTimeBetween(storeHours, kyiv('2026-11-21T21:00'), kyiv('2026-11-23T09:00')),
    ).toBe(2 * H);
  });

  it('starts counting at the next opening when it starts in closed hours', () => {
    expect(inKyiv(addBusinessTime(storeHours, kyiv('2026-11-22T12:00'), 30 * M))).toBe(
      '2026-11-23T08:30:00+02:00',
    );
    expect(
      businessTimeBetween(storeHours, kyiv('2026-11-22T12:00'), kyiv('2026-11-23T07:00')),
    ).toBe(0);
  });

  it('skips holidays and counts special hours instead of the usual ones', () => {
    const cal = calendar(storeHours.week, [
      { date: '2026-11-23', hours: [], name: 'holiday' },
      { date: '2026-11-24', hours: [{ from: '10:00', to: '14:00' }] },
    ]);
    // Saturday 21:00: 1h on Saturday, Sunday closed, Monday a holiday, Tuesday 10:00–14:00.
    expect(inKyiv(addBusinessTime(cal, kyiv('2026-11-21T21:00'), 4 * H))).toBe(
      '2026-11-24T13:00:00+02:00',
    );
    expect(inKyiv(addBusinessTime(cal, kyiv('2026-11-21T21:00'), 6 * H))).toBe(
      '2026-11-25T09:00:00+02:00',
    );
    expect(businessTimeBetween(cal, kyiv('2026-11-21T00:00'), kyiv('2026-11-26T00:00'))).toBe(
      (14 + 0 + 0 + 4 + 14) * H,
    );
  });

  it('counts opening hours past midnight on the day they opened, even into a holiday', () => {
    const cal = calendar(nightHours.week, [{ date: '2026-11-22', hours: [] }]);
    // Friday 01:00: 5h left of the night that opened on Thursday, then 1h from Friday 22:00.
    expect(inKyiv(addBusinessTime(nightHours, kyiv('2026-11-20T01:00'), 6 * H))).toBe(
      '2026-11-20T23:00:00+02:00',
    );
    // Saturday's night runs into the Sunday holiday; Sunday's night is closed.
    expect(businessTimeBetween(cal, kyiv('2026-11-21T12:00'), kyiv('2026-11-23T12:00'))).toBe(
      8 * H,
    );
    expect(inKyiv(addBusinessTime(cal, kyiv('2026-11-22T05:00'), 2 * H))).toBe(
      '2026-11-23T23:00:00+02:00',
    );
  });

  it('merges overlapping intervals instead of counting twice', () => {
    const cal = calendar({
      mon: [
        { from: '08:00', to: '12:00' },
        { from: '10:00', to: '14:00' },
      ],
    });
    expect(businessTimeBetween(cal, kyiv('2026-11-23T00:00'), kyiv('2026-11-24T00:00'))).toBe(
      6 * H,
    );
  });

  describe('daylight saving (Europe/Kyiv)', () => {
    it('a night across the spring change (2026-03-29) has 7 open hours', () => {
      const night = [kyiv('2026-03-28T22:00'), kyiv('2026-03-29T06:00')] as const;
      expect(businessTimeBetween(nightHours, ...night)).toBe(7 * H);
      expect(inKyiv(addBusinessTime(nightHours, night[0], 8 * H))).toBe(
        '2026-03-29T23:00:00+03:00',
      );
      expect(
        businessTimeBetween(allDayHours, kyiv('2026-03-29T00:00'), kyiv('2026-03-30T00:00')),
      ).toBe(23 * H);
    });

    it('a night across the autumn change (2026-10-25) has 9 open hours', () => {
      const night = [kyiv('2026-10-24T22:00'), kyiv('2026-10-25T06:00')] as const;
      expect(businessTimeBetween(nightHours, ...night)).toBe(9 * H);
      expect(inKyiv(addBusinessTime(nightHours, night[0], 9 * H))).toBe(
        '2026-10-25T06:00:00+02:00',
      );
      expect(inKyiv(addBusinessTime(nightHours, night[0], 10 * H))).toBe(
        '2026-10-25T23:00:00+02:00',
      );
      expect(
        businessTimeBetween(allDayHours, kyiv('2026-10-25T00:00'), kyiv('2026-10-26T00:00')),
      ).toBe(25 * H);
    });

    it('opens an hour the spring change skips at the instant it would have been', () => {
      const early = calendar({ sun: [{ from: '03:30', to: '05:00' }] });
      const sunday = [kyiv('2026-03-29T00:00'), kyiv('2026-03-30T00:00')] as const;
      expect(inKyiv(addBusinessTime(early, sunday[0], 1))).toBe('2026-03-29T04:30:00+03:00');
      expect(businessTimeBetween(early, ...sunday)).toBe(30 * M);
    });

    it('opens at local 08:00 on both sides of the change', () => {
      const daily = calendar({
        sat: [{ from: '08:00', to: '22:00' }],
        sun: [{ from: '08:00', to: '22:00' }],
      });
      expect(inKyiv(addBusinessTime(daily, kyiv('2026-03-28T21:00'), 2 * H))).toBe(
        '2026-03-29T09:00:00+03:00',
      );
      expect(inKyiv(addBusinessTime(daily, kyiv('2026-10-24T21:00'), 2 * H))).toBe(
        '2026-10-25T09:00:00+02:00',
      );
    });
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns'])(
    'finds the local day in a zone far from UTC (%s)',
    (zone) => {
      const cal = calendar({ mon: [{ from: '23:00', to: '01:00' }] }, [], zone);
      const local = (text: string) => DateTime.fromISO(text, { zone }).toJSDate();
      const due = addBusinessTime(cal, local('2026-11-22T12:00'), 90 * M);
      expect(DateTime.fromJSDate(due, { zone }).toISO()).toMatch(/^2026-11-24T00:30:00/);
      expect(businessTimeBetween(cal, local('2026-11-23T23:30'), local('2026-11-30T23:30'))).toBe(
        2 * H,
      );
    },
  );

  it('refuses to walk forever through a calendar that never opens', () => {
    expect(() => addBusinessTime(calendar({}), kyiv('2026-11-20T12:00'), H)).toThrow(
      /closed for more than/,
    );
    expect(
      businessTimeBetween(calendar({}), kyiv('2026-01-01T00:00'), kyiv('2027-01-01T00:00')),
    ).toBe(0);
  });

  it('is negative between instants in reverse order', () => {
    expect(
      businessTimeBetween(storeHours, kyiv('2026-11-20T12:00'), kyiv('2026-11-20T10:00')),
    ).toBe(-2 * H);
  });

  it('counts back what it added, for any start and duration, across changes of the clocks', () => {
    const cal = calendar(storeHours.week, [{ date: '2026-10-26', hours: [] }]);
    const from = kyiv('2026-03-20T00:00').getTime();
    const to = kyiv('2026-11-10T00:00').getTime();
    fc.assert(
      fc.property(
        fc.constantFrom(cal, nightHours, allDayHours),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 1, max: 200 * H }),
        (c, start, ms) => {
          const due = addBusinessTime(c, new Date(start), ms);
          expect(businessTimeBetween(c, new Date(start), due)).toBe(ms);
          expect(businessTimeBetween(c, new Date(start), new Date(due.getTime() - 1))).toBe(ms - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
