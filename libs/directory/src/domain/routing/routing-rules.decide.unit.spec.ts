import { ADMIN, AT, LATER, publishRulesCommand } from '../../testing/directory-commands';
import { deciderSpec } from '../../testing/decider-spec';
import { RoutingRule } from './routing-rule';
import { routingRulesDecider } from './routing-rules.decider';
import { RoutingRulesPublished } from './routing-rules.events';

const spec = deciderSpec(routingRulesDecider);

const v1: RoutingRulesPublished = {
  type: 'RoutingRulesPublished',
  data: {
    version: 1,
    rules: [{ id: 'r-1', match: { kinds: ['complaint'] }, owner: { kind: 'store_manager' } }],
    defaultOwner: { kind: 'team', teamId: 'T-cx' },
    at: AT,
    by: ADMIN,
  },
};

const personRule: RoutingRule = {
  id: 'r-2',
  match: {},
  owner: { kind: 'person', personId: 'P-7' },
};

describe('routing rules decider', () => {
  it('publishes the first set as version 1', () => {
    spec.given([]).when(publishRulesCommand()).then([v1]);
  });

  it('numbers the next set after the live one', () => {
    spec
      .given([v1])
      .when(publishRulesCommand({ rules: [personRule], at: LATER, by: 'admin-2' }))
      .then([
        {
          type: 'RoutingRulesPublished',
          data: {
            version: 2,
            rules: [personRule],
            defaultOwner: { kind: 'team', teamId: 'T-cx' },
            at: LATER,
            by: 'admin-2',
          },
        },
      ]);
  });

  it('publishes nothing when the rules and default are unchanged', () => {
    spec
      .given([v1])
      .when(publishRulesCommand({ at: LATER }))
      .thenNothing();
  });

  it('publishes a new version when only the default owner changes', () => {
    const next = publishRulesCommand({ defaultOwner: { kind: 'person', personId: 'CX-1' } });
    const events = routingRulesDecider.decide(
      next,
      routingRulesDecider.evolve(routingRulesDecider.initialState(), v1),
    );
    expect(events).toHaveLength(1);
    expect(events[0].data.version).toBe(2);
  });

  it('refuses an edit based on a version that is no longer live', () => {
    spec
      .given([v1])
      .when(publishRulesCommand({ rules: [personRule], basedOnVersion: 0 }))
      .thenRefuses({ code: 'directory.rules_version_conflict', field: 'basedOnVersion' });
  });

  it('accepts an edit based on the live version', () => {
    const events = routingRulesDecider.decide(
      publishRulesCommand({ rules: [personRule], basedOnVersion: 1 }),
      routingRulesDecider.evolve(routingRulesDecider.initialState(), v1),
    );
    expect(events.map((e) => e.data.version)).toEqual([2]);
  });

  it('answers a retried publish of what is already live with no change, not a conflict', () => {
    spec
      .given([v1])
      .when(publishRulesCommand({ basedOnVersion: 0 }))
      .thenNothing();
  });

  it('refuses invalid rules before anything is published', () => {
    spec
      .given([])
      .when(
        publishRulesCommand({ rules: [{ id: 'r-1', owner: { kind: 'person', personId: '' } }] }),
      )
      .thenRefuses({ code: 'directory.invalid_id', field: 'rules[0].owner.personId' });
  });
});
