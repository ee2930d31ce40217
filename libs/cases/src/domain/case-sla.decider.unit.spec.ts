import { deciderSpec } from '@heard/event-store/testing';
import { caseDecider } from './case.decider';
import { CaseCommand } from './case.commands';
import { CaseEvent } from './case.events';
import { caseOpened, hoursAfterOpening } from '../testing/case-opened.fixture';

const hours = hoursAfterOpening;
const agent = { id: 'a-1', role: 'agent' } as const;
const spec = deciderSpec(caseDecider);

const opened = caseOpened();
const apply = {
  type: 'ApplySla',
  policyId: 'retail',
  policySetVersion: 3,
  calendarId: 'cal-retail',
  calendarVersion: 2,
  timeZone: 'Europe/Berlin',
  at: hours(0),
} as const satisfies CaseCommand;
const applied: CaseEvent = {
  type: 'SlaApplied',
  data: {
    policyId: 'retail',
    policySetVersion: 3,
    calendarId: 'cal-retail',
    calendarVersion: 2,
    timeZone: 'Europe/Berlin',
    at: hours(0),
  },
};
const warn = {
  type: 'WarnSla',
  target: 'resolution',
  cycle: 1,
  dueAt: hours(72),
  at: hours(57.6),
} as const satisfies CaseCommand;
const breach = {
  type: 'BreachSla',
  target: 'resolution',
  cycle: 1,
  dueAt: hours(72),
  at: hours(72.5),
} as const satisfies CaseCommand;
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: { by: agent, at: hours(10), code: 'x', summary: 'x', customerMessage: 'x' },
};

describe('case decider: SLA bookkeeping', () => {
  it('records the policy a case opened under once, whatever is applied later', () => {
    spec.given([opened]).when(apply).then([applied]);
    spec
      .given([opened, applied])
      .when({ ...apply, policyId: 'other', policySetVersion: 4 })
      .then([]);
  });

  it('refuses SLA commands on a case that does not exist', () => {
    spec.given([]).when(apply).thenThrows('case.not_found');
  });

  it('records a warning once per target and cycle', () => {
    const warned: CaseEvent = {
      type: 'SlaWarned',
      data: { target: 'resolution', cycle: 1, dueAt: hours(72), at: hours(57.6) },
    };
    spec.given([opened, applied]).when(warn).then([warned]);
    spec.given([opened, applied, warned]).when(warn).then([]);
    spec
      .given([opened, applied, warned])
      .when({ ...warn, cycle: 2 })
      .thenEmits([{ type: 'SlaWarned' }]);
  });

  it('records a breach once, with how late it was recorded', () => {
    const breached: CaseEvent = {
      type: 'SlaBreached',
      data: {
        target: 'resolution',
        cycle: 1,
        dueAt: hours(72),
        lateByMs: 1800_000,
        at: hours(72.5),
      },
    };
    spec.given([opened, applied]).when(breach).then([breached]);
    spec.given([opened, applied, breached]).when(breach).then([]);
    // A warning of the same target is another alert.
    spec
      .given([opened, applied, breached])
      .when(warn)
      .thenEmits([{ type: 'SlaWarned' }]);
  });

  it('owes nothing on a resolved case or one without terms', () => {
    spec.given([opened, applied, resolved]).when(breach).then([]);
    spec.given([opened]).when(warn).then([]);
  });

  it('records a re-targeting under the terms the case has', () => {
    const retarget = {
      type: 'RetargetSla',
      priority: 'urgent',
      policySetVersion: 3,
      fromPolicyId: 'retail',
      toPolicyId: 'urgent',
      dropped: [],
      at: hours(2),
    } as const satisfies CaseCommand;
    spec.given([opened]).when(retarget).then([]);
    spec
      .given([opened, applied])
      .when(retarget)
      .then([
        {
          type: 'SlaRetargeted',
          data: {
            priority: 'urgent',
            policySetVersion: 3,
            fromPolicyId: 'retail',
            toPolicyId: 'urgent',
            dropped: [],
            at: hours(2),
          },
        },
      ]);
  });

  it('keeps the terms and alerts in the case state', () => {
    const retargeted: CaseEvent = {
      type: 'SlaRetargeted',
      data: {
        priority: 'urgent',
        policySetVersion: 3,
        fromPolicyId: 'retail',
        toPolicyId: 'urgent',
        dropped: ['firstResponse'],
        at: hours(2),
      },
    };
    const state = [opened, applied, retargeted].reduce(
      caseDecider.evolve,
      caseDecider.initialState(),
    );
    expect(state).toMatchObject({
      sla: { policyId: 'urgent', policySetVersion: 3 },
      slaAlerts: [],
    });
  });

  it('escalates for a missed target once per level, handing the case over as owner', () => {
    const missed = { target: 'resolution', cycle: 1, dueAt: hours(72), lateByMs: 400 } as const;
    const escalate = {
      type: 'EscalateForSla',
      level: 1,
      to: 'RM-1',
      mode: 'owner',
      ownerId: 'RM-1',
      teamId: null,
      missed,
      reason: 'the resolution target was missed',
      at: hours(72),
    } as const satisfies CaseCommand;
    const escalated: CaseEvent = {
      type: 'CaseEscalated',
      data: {
        by: { id: 'heard:sla', role: 'integration' },
        at: hours(72),
        level: 1,
        to: 'RM-1',
        reason: 'the resolution target was missed',
        missed,
        mode: 'owner',
      },
    };
    const assigned: CaseEvent = {
      type: 'CaseAssigned',
      data: {
        ownerId: 'RM-1',
        teamId: null,
        assignedBy: { kind: 'escalation', level: 1 },
        reason: 'the resolution target was missed',
        at: hours(72),
      },
    };
    spec.given([opened, applied]).when(escalate).then([escalated, assigned]);
    spec.given([opened, applied, escalated, assigned]).when(escalate).then([]);
    spec
      .given([opened, applied])
      .when({ ...escalate, mode: 'watcher', to: 'cx_admins', ownerId: null })
      .thenEmits([{ type: 'CaseEscalated' }]);
    spec.given([opened, applied, resolved]).when(escalate).then([]);
  });
});
