import { calendar, inKyiv, kyiv, nightHours, storeHours } from './calendars.fixture';
import { BusinessCalendar } from './calendar';
import { SlaCalendar, slaClock } from './sla-clock';
import { SlaClock, SlaTargetClock } from './sla-clock-result';
import { SlaFact } from './sla-fact';
import { SlaPolicy, SlaPolicySet, TargetKind } from './sla-policy';

const H = 3600_000;
const M = 60_000;

const business = (duration: string) => ({ duration, calendar: 'business' as const });
const storePolicy: SlaPolicy = {
  policyId: 'store-complaints',
  name: 'Store complaints',
  match: {},
  targets: { resolution: business('PT8H') },
  warnAt: 0.8,
  escalation: [
    { to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') },
    { to: { kind: 'cx_admins' }, mode: 'watcher', target: { duration: 'PT2H', calendar: '24x7' } },
  ],
};
const urgentPolicy: SlaPolicy = {
  ...storePolicy,
  policyId: 'urgent',
  match: { priorities: ['urgent'] },
  targets: { firstResponse: business('PT15M'), resolution: business('PT2H') },
  warnAt: 0.5,
};
const policies = (defaultPolicy: SlaPolicy = storePolicy): SlaPolicySet => ({
  version: 4,
  policies: [urgentPolicy],
  defaultPolicy,
});

/** A fact at a Kyiv wall-clock time. */
const at = (local: string) => kyiv(local).toISOString();
const opened = (local: string, priority: 'normal' | 'urgent' = 'normal'): SlaFact => ({
  type: 'opened',
  at: at(local),
  priority,
  category: 'queues',
  channel: 'store',
  kind: 'complaint',
  storeId: 'S-42',
  regionId: 'R-1',
});
type Simple = Exclude<SlaFact['type'], 'opened' | 'priority_changed' | 'breached' | 'escalated'>;
const fact = (type: Simple, local: string): SlaFact => ({ type, at: at(local) }) as SlaFact;

/** Given a history, when the clock is read (at a Kyiv wall-clock `now`, or from the facts alone). */
function given(history: readonly SlaFact[], set = policies(), cal: SlaCalendar = storeHours) {
  return {
    when: (...more: SlaFact[]) => given([...history, ...more], set, cal),
    then: (now?: string): SlaClock => {
      const clock = slaClock(history, set, cal, now === undefined ? undefined : kyiv(now));
      if (clock === null) throw new Error('no clock: the history has no opening');
      return clock;
    },
  };
}
const target = (clock: SlaClock, kind: TargetKind): SlaTargetClock => {
  const found = clock.targets.find((t) => t.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} target`);
  return found;
};
const local = (instant: string | null | undefined) => (instant == null ? instant : inKyiv(instant));

describe('SLA clock', () => {
  describe("the issue's scenario: a complaint at 17:55 on a Friday, a store open 08:00–22:00 Monday to Saturday", () => {
    const friday = given([opened('2026-11-20T17:55')]);

    it('is due on Saturday at 11:55 for 8 business hours, and warns at 0.8 on Saturday at 10:19', () => {
      const clock = friday.then('2026-11-20T18:55');
      expect(clock).toMatchObject({
        policyId: 'store-complaints',
        policySetVersion: 4,
        counting: {
          kind: 'calendar',
          calendarId: 'cal-1',
          calendarVersion: 3,
          timeZone: 'Europe/Kyiv',
        },
      });
      const resolution = target(clock, 'resolution');
      expect(local(resolution.dueAt)).toBe('2026-11-21T11:55:00+02:00');
      expect(local(resolution.warnAt)).toBe('2026-11-21T10:19:00+02:00');
      expect(resolution).toMatchObject({
        state: 'running',
        elapsedMs: H,
        leftMs: 7 * H,
        pausedMs: 0,
      });
    });

    it('counts no time while the store is closed overnight', () => {
      const resolution = target(friday.then('2026-11-21T08:00'), 'resolution');
      expect(resolution).toMatchObject({ state: 'running', elapsedMs: 4 * H + 5 * M });
    });

    it('is breached from 11:55 when read after it, and only by a breach fact without a present', () => {
      expect(target(friday.then('2026-11-21T11:54'), 'resolution').state).toBe('running');
      expect(target(friday.then('2026-11-21T12:00'), 'resolution')).toMatchObject({
        state: 'breached',
        breachedAt: at('2026-11-21T11:55'),
        leftMs: -5 * M,
      });
      expect(target(friday.then(), 'resolution').state).toBe('running');
      const reported = friday.when({
        type: 'breached',
        target: 'resolution',
        at: at('2026-11-21T11:56'),
      });
      expect(target(reported.then(), 'resolution')).toMatchObject({
        state: 'breached',
        breachedAt: at('2026-11-21T11:56'),
      });
    });

    it('is due on Friday at 21:55 for 4 business hours', () => {
      const short = given(
        [opened('2026-11-20T17:55')],
        policies({ ...storePolicy, targets: { resolution: business('PT4H') } }),
      );
      expect(local(target(short.then(), 'resolution').dueAt)).toBe('2026-11-20T21:55:00+02:00');
    });

    it('says so when the store has no calendar: business hours count 24x7 in its zone', () => {
      const clock = given([opened('2026-11-20T17:55')], policies(), {
        timeZone: 'Europe/Kyiv',
      }).then();
      expect(clock.counting).toEqual({
        kind: '24x7',
        timeZone: 'Europe/Kyiv',
        note: '24x7 in Europe/Kyiv',
      });
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-21T01:55:00+02:00');
    });
  });

  it('overnight opening hours: a store open 22:00–06:00 counts the night on', () => {
    const clock = given([opened('2026-11-18T05:00')], policies(), nightHours).then(
      '2026-11-18T12:00',
    );
    const resolution = target(clock, 'resolution');
    expect(resolution.elapsedMs).toBe(H);
    expect(local(resolution.dueAt)).toBe('2026-11-19T05:00:00+02:00');
  });

  it('weekends: a complaint on Saturday evening is due on Monday', () => {
    const clock = given([opened('2026-11-21T20:00')]).then('2026-11-22T12:00');
    expect(target(clock, 'resolution')).toMatchObject({ elapsedMs: 2 * H, state: 'running' });
    expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-23T14:00:00+02:00');
  });

  it('holidays: a closed Monday moves the due time to Tuesday, special hours count as they are', () => {
    const holidays = calendar(storeHours.week, [
      { date: '2026-11-23', hours: [], name: 'holiday' },
      { date: '2026-11-24', hours: [{ from: '10:00', to: '13:00' }] },
    ]);
    const clock = given([opened('2026-11-21T20:00')], policies(), holidays).then();
    expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-25T11:00:00+02:00');
  });

  describe('daylight saving (Europe/Kyiv)', () => {
    it('spring: the night of 2026-03-29 has 7 open hours, so 8 hours end the next night', () => {
      const clock = given([opened('2026-03-28T22:00')], policies(), nightHours).then(
        '2026-03-29T12:00',
      );
      expect(target(clock, 'resolution').elapsedMs).toBe(7 * H);
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-03-29T23:00:00+03:00');
    });

    it('autumn: the night of 2026-10-25 has 9 open hours, so 8 hours end at 05:00 in winter time', () => {
      const clock = given([opened('2026-10-24T22:00')], policies(), nightHours).then();
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-10-25T05:00:00+02:00');
    });

    it('a 24x7 target is 72 real hours across the change, whatever the wall clock says', () => {
      const allHours = {
        ...storePolicy,
        targets: { resolution: { duration: 'PT72H', calendar: '24x7' as const } },
      };
      const clock = given([opened('2026-10-24T12:00')], policies(allHours)).then();
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-10-27T11:00:00+02:00');
    });
  });

  describe('a pause across closed hours', () => {
    const paused = given([opened('2026-11-20T17:55'), fact('paused', '2026-11-20T21:00')]);

    it('has no due time while paused, and counts no time', () => {
      const resolution = target(paused.then('2026-11-21T08:30'), 'resolution');
      expect(resolution).toMatchObject({
        state: 'paused',
        dueAt: null,
        warnAt: null,
        elapsedMs: 3 * H + 5 * M,
      });
      expect(resolution.pausedMs).toBe(H + 30 * M);
    });

    it('moves the due time by the open time it paused, not the night', () => {
      const resolution = target(
        paused.when(fact('resumed', '2026-11-21T09:00')).then('2026-11-21T10:00'),
        'resolution',
      );
      expect(resolution).toMatchObject({
        state: 'running',
        pausedMs: 2 * H,
        elapsedMs: 4 * H + 5 * M,
      });
      expect(local(resolution.dueAt)).toBe('2026-11-21T13:55:00+02:00');
    });

    it('cannot breach while paused, even with a present past the old due time', () => {
      expect(target(paused.then('2026-11-23T12:00'), 'resolution').state).toBe('paused');
    });
  });

  describe('reopening', () => {
    const resolved = given([opened('2026-11-20T17:55'), fact('resolved', '2026-11-21T10:00')]);

    it('meets the target at the resolution', () => {
      expect(target(resolved.then('2026-11-23T12:00'), 'resolution')).toMatchObject({
        state: 'met',
        metAt: at('2026-11-21T10:00'),
        endedAt: at('2026-11-21T10:00'),
        elapsedMs: 6 * H + 5 * M,
      });
    });

    it('starts a new resolution target under the same policy', () => {
      const clock = resolved.when(fact('reopened', '2026-11-23T10:00')).then('2026-11-23T11:00');
      expect(target(clock, 'resolution')).toMatchObject({
        cycle: 2,
        state: 'running',
        startedAt: at('2026-11-23T10:00'),
        elapsedMs: H,
      });
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-23T18:00:00+02:00');
      expect(clock.past).toEqual([
        expect.objectContaining({ kind: 'resolution', cycle: 1, state: 'met' }),
      ]);
      expect(clock.policyId).toBe('store-complaints');
    });

    it('reports a resolution after the due time as breached, from the facts alone', () => {
      const late = given([opened('2026-11-20T17:55'), fact('resolved', '2026-11-21T12:00')]).then();
      expect(target(late, 'resolution')).toMatchObject({
        state: 'breached',
        breachedAt: at('2026-11-21T11:55'),
        metAt: at('2026-11-21T12:00'),
      });
    });
  });

  describe('re-targeting on a change of priority, under the same policy version', () => {
    const friday = given([opened('2026-11-20T17:55')]);
    const raise = (local: string): SlaFact => ({
      type: 'priority_changed',
      at: at(local),
      to: 'urgent',
    });

    it('keeps the start and the time counted and takes the new length: urgent is 2 business hours', () => {
      const clock = friday.when(raise('2026-11-20T19:00')).then('2026-11-20T19:30');
      expect(clock.policyId).toBe('urgent');
      expect(clock.policySetVersion).toBe(4);
      expect(clock.retargeted).toEqual([
        {
          at: at('2026-11-20T19:00'),
          priority: 'urgent',
          fromPolicyId: 'store-complaints',
          toPolicyId: 'urgent',
          dropped: [],
        },
      ]);
      const resolution = target(clock, 'resolution');
      expect(resolution).toMatchObject({
        duration: 'PT2H',
        startedAt: at('2026-11-20T17:55'),
        elapsedMs: 95 * M,
        state: 'running',
      });
      expect(local(resolution.dueAt)).toBe('2026-11-20T19:55:00+02:00');
      // urgent warns at half the target: 18:55 had passed, so the warning is due at the change
      expect(local(resolution.warnAt)).toBe('2026-11-20T19:00:00+02:00');
    });

    it('starts the targets the new policy adds at the change', () => {
      const clock = friday.when(raise('2026-11-20T19:00')).then('2026-11-20T19:05');
      expect(target(clock, 'firstResponse')).toMatchObject({
        startedAt: at('2026-11-20T19:00'),
        state: 'running',
      });
      expect(local(target(clock, 'firstResponse').dueAt)).toBe('2026-11-20T19:15:00+02:00');
    });

    it('is due, and breached, from the change when the case already took longer than the new length', () => {
      const clock = friday.when(raise('2026-11-20T20:30')).then('2026-11-20T20:31');
      expect(target(clock, 'resolution')).toMatchObject({
        state: 'breached',
        dueAt: at('2026-11-20T20:30'),
        breachedAt: at('2026-11-20T20:30'),
      });
    });

    it('gives back the longer target when the priority drops again, and drops what the policy lacks', () => {
      const lower: SlaFact = { type: 'priority_changed', at: at('2026-11-20T19:10'), to: 'normal' };
      const clock = friday.when(raise('2026-11-20T19:00'), lower).then('2026-11-20T19:30');
      expect(clock.policyId).toBe('store-complaints');
      expect(clock.retargeted[1]).toMatchObject({
        toPolicyId: 'store-complaints',
        dropped: ['firstResponse'],
      });
      expect(clock.targets.map((t) => t.kind)).toEqual(['resolution']);
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-21T11:55:00+02:00');
    });
  });

  describe('first response and updates', () => {
    const withUpdates: SlaPolicy = {
      ...storePolicy,
      targets: {
        firstResponse: business('PT1H'),
        nextUpdate: business('PT2H'),
        resolution: business('PT8H'),
      },
    };
    const base = given([opened('2026-11-20T17:55')], policies(withUpdates));

    it('meets the first response on acknowledgement, and the wait for an update starts there', () => {
      const clock = base.when(fact('acknowledged', '2026-11-20T18:10')).then('2026-11-20T18:30');
      expect(target(clock, 'firstResponse')).toMatchObject({
        state: 'met',
        metAt: at('2026-11-20T18:10'),
        elapsedMs: 15 * M,
      });
      expect(target(clock, 'nextUpdate')).toMatchObject({
        cycle: 1,
        state: 'running',
        startedAt: at('2026-11-20T18:10'),
      });
      expect(local(target(clock, 'nextUpdate').dueAt)).toBe('2026-11-20T20:10:00+02:00');
    });

    it('restarts the wait at each public reply while open; a late reply ends a breached wait', () => {
      const clock = base
        .when(
          fact('acknowledged', '2026-11-20T18:10'),
          fact('public_reply', '2026-11-20T19:00'),
          fact('public_reply', '2026-11-20T21:30'),
        )
        .then('2026-11-21T08:30');
      expect(target(clock, 'nextUpdate')).toMatchObject({
        cycle: 3,
        state: 'running',
        elapsedMs: H,
      });
      expect(local(target(clock, 'nextUpdate').dueAt)).toBe('2026-11-21T09:30:00+02:00');
      expect(clock.past.filter((t) => t.kind === 'nextUpdate').map((t) => t.state)).toEqual([
        'met',
        'breached',
      ]);
    });

    it('keeps a late breach report of an ended wait off the next one', () => {
      const clock = base
        .when(fact('acknowledged', '2026-11-20T18:10'), fact('public_reply', '2026-11-20T20:10'), {
          type: 'breached',
          target: 'nextUpdate',
          cycle: 1,
          at: at('2026-11-20T20:11'),
        })
        .then();
      expect(target(clock, 'nextUpdate')).toMatchObject({ cycle: 2, state: 'running' });
    });

    it('breaches the first response when nobody answers in time', () => {
      expect(target(base.then('2026-11-20T19:00'), 'firstResponse')).toMatchObject({
        state: 'breached',
        breachedAt: at('2026-11-20T18:55'),
      });
    });

    it('ends every wait at the resolution, whose message answers the customer', () => {
      const clock = base.when(fact('resolved', '2026-11-20T18:30')).then('2026-11-23T12:00');
      expect(clock.targets.map((t) => [t.kind, t.state])).toEqual([
        ['firstResponse', 'met'],
        ['resolution', 'met'],
      ]);
    });
  });

  describe('escalation', () => {
    const breached = given([
      opened('2026-11-20T17:55'),
      { type: 'breached', target: 'resolution', at: at('2026-11-21T11:55') },
    ]);
    const escalated = (level: number, local: string): SlaFact => ({
      type: 'escalated',
      level,
      at: at(local),
    });

    it('names the next level and when it takes over', () => {
      const clock = given([opened('2026-11-20T17:55')]).then();
      expect(clock.escalation).toEqual({
        level: 0,
        next: { level: 1, to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') },
        dueAt: at('2026-11-21T11:55'),
      });
    });

    it("gives the level's target to the level that takes over after a breach", () => {
      const clock = breached.when(escalated(1, '2026-11-21T11:55')).then('2026-11-21T12:55');
      expect(target(clock, 'resolution')).toMatchObject({
        cycle: 2,
        escalationLevel: 1,
        duration: 'PT4H',
        state: 'running',
        elapsedMs: H,
      });
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-21T15:55:00+02:00');
      expect(clock.past).toEqual([
        expect.objectContaining({ cycle: 1, state: 'breached', endedAt: at('2026-11-21T11:55') }),
      ]);
      expect(clock.escalation).toMatchObject({
        level: 1,
        next: { level: 2, to: { kind: 'cx_admins' } },
        dueAt: at('2026-11-21T15:55'),
      });
    });

    it('stops after the last level and never loops', () => {
      const clock = breached
        .when(
          escalated(1, '2026-11-21T11:55'),
          { type: 'breached', target: 'resolution', at: at('2026-11-21T15:55') },
          escalated(2, '2026-11-21T15:55'),
          escalated(1, '2026-11-21T16:00'),
        )
        .then('2026-11-21T16:55');
      expect(target(clock, 'resolution')).toMatchObject({
        escalationLevel: 2,
        calendar: '24x7',
        state: 'running',
      });
      expect(local(target(clock, 'resolution').dueAt)).toBe('2026-11-21T17:55:00+02:00');
      expect(clock.escalation).toEqual({ level: 2, next: null, dueAt: null });
    });

    it('leaves the running target as it is when a person escalates before the breach', () => {
      const clock = given([opened('2026-11-20T17:55'), escalated(1, '2026-11-20T19:00')]).then();
      expect(target(clock, 'resolution')).toMatchObject({
        cycle: 1,
        escalationLevel: 0,
        dueAt: at('2026-11-21T11:55'),
      });
      expect(clock.escalation.next).toMatchObject({ level: 2 });
    });
  });

  it('has no clock before the case opened', () => {
    expect(
      slaClock(
        [fact('acknowledged', '2026-11-20T18:00')],
        policies(),
        storeHours as BusinessCalendar,
      ),
    ).toBeNull();
  });
});
