import { deciderSpec } from '@heard/directory/testing';
import {
  ADMIN,
  AT,
  defaultPolicy,
  LATER,
  publishPoliciesCommand,
  urgentPolicy,
} from '../testing/sla-config-commands';
import { slaPoliciesDecider } from './sla-policies.decider';
import { SlaPoliciesPublished } from './sla-policies.events';
import { MAX_REFERENCED_IDS } from './validate-policy-set';

const spec = deciderSpec(slaPoliciesDecider);

const v1: SlaPoliciesPublished = {
  type: 'SlaPoliciesPublished',
  data: {
    version: 1,
    policies: [
      {
        policyId: 'urgent',
        name: 'Urgent complaints',
        match: { kinds: ['complaint'], priorities: ['urgent'] },
        targets: {
          firstResponse: { duration: 'PT15M', calendar: '24x7' },
          resolution: { duration: 'PT4H', calendar: 'business' },
        },
        warnAt: 0.75,
        escalation: [
          {
            to: { kind: 'store_manager' },
            mode: 'watcher',
            target: { duration: 'PT2H', calendar: '24x7' },
          },
          {
            to: { kind: 'team', teamId: 'T-cx' },
            mode: 'owner',
            target: { duration: 'PT4H', calendar: '24x7' },
          },
        ],
      },
    ],
    defaultPolicy: {
      policyId: 'standard',
      name: 'Everything else',
      match: {},
      targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
      warnAt: 0.8,
      escalation: [
        {
          to: { kind: 'region_lead' },
          mode: 'owner',
          target: { duration: 'PT24H', calendar: '24x7' },
        },
      ],
    },
    at: AT,
    by: ADMIN,
  },
};

describe('SLA policies decider', () => {
  it('publishes the first list as version 1, filling in warnAt 0.8 where it is absent', () => {
    spec.given([]).when(publishPoliciesCommand()).then([v1]);
  });

  it('numbers the next list after the live one', () => {
    spec
      .given([v1])
      .when(publishPoliciesCommand({ policies: [], at: LATER, by: 'admin-2' }))
      .then([
        {
          type: 'SlaPoliciesPublished',
          data: { ...v1.data, version: 2, policies: [], at: LATER, by: 'admin-2' },
        },
      ]);
  });

  it('publishes nothing when the same list comes again in another spelling', () => {
    const respelled = urgentPolicy({
      match: { kinds: ['complaint'], priorities: ['urgent', 'urgent'] },
    });
    spec
      .given([v1])
      .when(
        publishPoliciesCommand({
          policies: [respelled],
          defaultPolicy: defaultPolicy({ warnAt: 0.8 }),
          at: LATER,
        }),
      )
      .thenNothing();
  });

  it('refuses an edit based on a version that is no longer live', () => {
    spec
      .given([v1])
      .when(publishPoliciesCommand({ policies: [], basedOnVersion: 0 }))
      .thenRefuses({ code: 'sla.policies_version_conflict', field: 'basedOnVersion' });
  });

  it('accepts an edit of the built-in default as version 0', () => {
    const [event] = slaPoliciesDecider.decide(
      publishPoliciesCommand({ basedOnVersion: 0 }),
      slaPoliciesDecider.initialState(),
    );
    expect(event.data.version).toBe(1);
  });

  it('answers a retried publish of what is already live with no change, not a conflict', () => {
    spec
      .given([v1])
      .when(publishPoliciesCommand({ basedOnVersion: 0 }))
      .thenNothing();
  });

  it.each([
    [
      'a duration in years',
      urgentPolicy({ targets: { resolution: { duration: 'P1Y', calendar: '24x7' } } }),
      'policies[0].targets.resolution.duration',
      'sla.invalid_duration',
    ],
    [
      'an empty duration',
      urgentPolicy({ targets: { resolution: { duration: 'PT', calendar: '24x7' } } }),
      'policies[0].targets.resolution.duration',
      'sla.invalid_duration',
    ],
    ['a warnAt of 1.5', urgentPolicy({ warnAt: 1.5 }), 'policies[0].warnAt', 'sla.invalid_warn_at'],
    [
      'no resolution target',
      urgentPolicy({ targets: { firstResponse: { duration: 'PT1H', calendar: '24x7' } } }),
      'policies[0].targets.resolution',
      'sla.invalid_duration',
    ],
    [
      'a team named twice in the escalation',
      urgentPolicy({
        escalation: [
          {
            to: { kind: 'team', teamId: 'T-cx' },
            mode: 'owner',
            target: { duration: 'PT1H', calendar: '24x7' },
          },
          {
            to: { kind: 'cx_admins' },
            mode: 'watcher',
            target: { duration: 'PT1H', calendar: '24x7' },
          },
          {
            to: { kind: 'team', teamId: 'T-cx' },
            mode: 'owner',
            target: { duration: 'PT1H', calendar: '24x7' },
          },
        ],
      }),
      'policies[0].escalation[2].to',
      'sla.escalation_loop',
    ],
  ])('refuses %s before anything is published, naming the field', (_what, policy, field, code) => {
    spec
      .given([])
      .when(publishPoliciesCommand({ policies: [policy] }))
      .thenRefuses({ code, field });
  });

  it('refuses a default policy that matches only some cases', () => {
    spec
      .given([])
      .when(
        publishPoliciesCommand({ defaultPolicy: defaultPolicy({ match: { kinds: ['review'] } }) }),
      )
      .thenRefuses({ code: 'sla.invalid_match', field: 'defaultPolicy.match' });
  });

  it(`refuses a list naming more than ${MAX_REFERENCED_IDS} directory ids, each checked before a publish`, () => {
    const storeIds = Array.from({ length: MAX_REFERENCED_IDS + 1 }, (_, i) => `S-${i}`);
    spec
      .given([])
      .when(publishPoliciesCommand({ policies: [urgentPolicy({ match: { storeIds } })] }))
      .thenRefuses({ code: 'sla.invalid_list', field: 'policies' });
  });

  it('refuses a policy id used twice, the default included', () => {
    spec
      .given([])
      .when(publishPoliciesCommand({ defaultPolicy: defaultPolicy({ policyId: 'urgent' }) }))
      .thenRefuses({ code: 'sla.duplicate_policy_id', field: 'defaultPolicy.policyId' });
  });
});
