import { RoutingInput, RoutingView } from './routing-decision';
import { RoutingRule, RoutingRuleSet } from './routing-rule';
import { route } from './route';

const complaint: RoutingInput = {
  storeId: 'S-042',
  regionId: 'R-N',
  category: 'bakery',
  channel: 'store',
  priority: 'normal',
  kind: 'complaint',
};

interface World {
  managers?: Record<string, string>;
  teams?: Record<string, readonly string[]>;
  load?: Record<string, number>;
}

const view = (world: World = {}): RoutingView => ({
  storeManager: (storeId) => world.managers?.[storeId] ?? null,
  teamMembers: (teamId) => world.teams?.[teamId] ?? [],
  openCases: (personId) => world.load?.[personId] ?? 0,
});

const rules = (list: RoutingRule[], version = 7): RoutingRuleSet => ({
  version,
  rules: list,
  defaultOwner: { kind: 'person', personId: 'CX-1' },
});

const toManager: RoutingRule = { id: 'r-3', match: {}, owner: { kind: 'store_manager' } };
const toTeam: RoutingRule = { id: 'r-team', match: {}, owner: { kind: 'team', teamId: 'T-cx' } };

describe('route', () => {
  describe('owner kinds', () => {
    it("assigns the store's manager and says so", () => {
      expect(route(complaint, rules([toManager]), view({ managers: { 'S-042': 'M-42' } }))).toEqual(
        {
          ownerId: 'M-42',
          teamId: null,
          ownerKind: 'store_manager',
          ruleId: 'r-3',
          rulesVersion: 7,
          reason: "store S-042's manager is M-42 (rule r-3, version 7)",
          skipped: [],
        },
      );
    });

    it('assigns a named person', () => {
      const named: RoutingRule = {
        id: 'r-vip',
        match: {},
        owner: { kind: 'person', personId: 'P-7' },
      };
      expect(route(complaint, rules([named], 2), view())).toMatchObject({
        ownerId: 'P-7',
        teamId: null,
        ownerKind: 'person',
        ruleId: 'r-vip',
        rulesVersion: 2,
        reason: 'P-7 is named as owner (rule r-vip, version 2)',
      });
    });

    it('assigns the least-loaded member of a team and records the team', () => {
      const world = view({
        teams: { 'T-cx': ['A-1', 'A-2', 'A-3'] },
        load: { 'A-1': 4, 'A-2': 1, 'A-3': 2 },
      });
      expect(route(complaint, rules([toTeam]), world)).toMatchObject({
        ownerId: 'A-2',
        teamId: 'T-cx',
        ownerKind: 'team',
        ruleId: 'r-team',
        reason: 'A-2 has the fewest open cases in team T-cx (1 open case) (rule r-team, version 7)',
      });
    });

    it('breaks a load tie by the smallest id, whatever order the members come in', () => {
      const world = view({
        teams: { 'T-cx': ['A-9', 'A-3', 'A-5'] },
        load: { 'A-9': 2, 'A-3': 2, 'A-5': 3 },
      });
      const decision = route(complaint, rules([toTeam]), world);
      expect(decision.ownerId).toBe('A-3');
      expect(decision.reason).toBe(
        'A-3 has the fewest open cases in team T-cx (2 open cases, tied with A-9 and first by id) (rule r-team, version 7)',
      );
    });
  });

  describe('matching', () => {
    const specific: RoutingRule = {
      id: 'r-1',
      match: { regionIds: ['R-S'], kinds: ['complaint'] },
      owner: { kind: 'person', personId: 'P-south' },
    };

    it('takes the first matching rule in order', () => {
      const first: RoutingRule = {
        id: 'r-a',
        match: { categories: ['bakery'] },
        owner: { kind: 'person', personId: 'P-a' },
      };
      const second: RoutingRule = {
        id: 'r-b',
        match: { categories: ['bakery'] },
        owner: { kind: 'person', personId: 'P-b' },
      };
      expect(route(complaint, rules([first, second]), view()).ruleId).toBe('r-a');
      expect(route(complaint, rules([second, first]), view()).ruleId).toBe('r-b');
    });

    it('requires every listed criterion (region differs here)', () => {
      expect(route(complaint, rules([specific]), view()).ruleId).toBe('default');
      expect(route({ ...complaint, regionId: 'R-S' }, rules([specific]), view()).ruleId).toBe(
        'r-1',
      );
    });

    it.each<[string, Partial<RoutingInput>, RoutingRule['match']]>([
      ['store', { storeId: 'S-1' }, { storeIds: ['S-1', 'S-2'] }],
      ['category', { category: 'checkout' }, { categories: ['checkout'] }],
      ['channel', { channel: 'app' }, { channels: ['app'] }],
      ['priority', { priority: 'urgent' }, { priorities: ['high', 'urgent'] }],
      ['kind', { kind: 'review' }, { kinds: ['review'] }],
    ])('matches on %s and only on a listed value', (_name, fields, match) => {
      const rule: RoutingRule = { id: 'r-x', match, owner: { kind: 'person', personId: 'P-x' } };
      expect(route({ ...complaint, ...fields }, rules([rule]), view()).ruleId).toBe('r-x');
      expect(route(complaint, rules([rule]), view()).ruleId).toBe('default');
    });

    it('does not match a store or region list when the case has none', () => {
      const byStore: RoutingRule = {
        id: 'r-s',
        match: { storeIds: ['S-042'] },
        owner: { kind: 'person', personId: 'P' },
      };
      const noStore = { ...complaint, storeId: null, regionId: null };
      expect(route(noStore, rules([byStore]), view()).ruleId).toBe('default');
    });
  });

  describe('falling through', () => {
    it('passes a vacant store manager by for the next matching rule and says why', () => {
      const decision = route(
        complaint,
        rules([toManager, toTeam]),
        view({ teams: { 'T-cx': ['A-1'] } }),
      );
      expect(decision).toMatchObject({
        ownerId: 'A-1',
        ruleId: 'r-team',
        skipped: [{ ruleId: 'r-3', why: 'store S-042 has no manager' }],
      });
      expect(decision.reason).toMatch(/; skipped rule r-3: store S-042 has no manager$/);
    });

    it('passes an empty team by', () => {
      const decision = route(
        complaint,
        rules([toTeam, toManager]),
        view({ managers: { 'S-042': 'M-42' } }),
      );
      expect(decision).toMatchObject({
        ownerId: 'M-42',
        ruleId: 'r-3',
        skipped: [{ ruleId: 'r-team', why: 'team T-cx has no members' }],
      });
    });

    it('passes a store-manager rule by when the case has no store', () => {
      const decision = route({ ...complaint, storeId: null }, rules([toManager]), view());
      expect(decision.skipped).toEqual([{ ruleId: 'r-3', why: 'the case has no store' }]);
    });

    it('ends at the default owner when every matching rule is passed by', () => {
      expect(route(complaint, rules([toManager, toTeam]), view())).toEqual({
        ownerId: 'CX-1',
        teamId: null,
        ownerKind: 'person',
        ruleId: 'default',
        rulesVersion: 7,
        reason:
          'CX-1 is named as owner (default rule, version 7); skipped rule r-3: store S-042 has no manager; skipped rule r-team: team T-cx has no members',
        skipped: [
          { ruleId: 'r-3', why: 'store S-042 has no manager' },
          { ruleId: 'r-team', why: 'team T-cx has no members' },
        ],
      });
    });
  });

  describe('the default', () => {
    it('says that no rule matched', () => {
      expect(route(complaint, rules([], 1), view()).reason).toBe(
        'no rule matched; CX-1 is named as owner (default rule, version 1)',
      );
    });

    it('can be a team, picking its least-loaded member', () => {
      const set: RoutingRuleSet = {
        version: 3,
        rules: [],
        defaultOwner: { kind: 'team', teamId: 'T-cx' },
      };
      const world = view({ teams: { 'T-cx': ['A-1', 'A-2'] }, load: { 'A-1': 1 } });
      expect(route(complaint, set, world)).toMatchObject({
        ownerId: 'A-2',
        teamId: 'T-cx',
        ruleId: 'default',
      });
    });

    it('leaves the case unassigned in the queue of an empty default team', () => {
      const set: RoutingRuleSet = {
        version: 3,
        rules: [],
        defaultOwner: { kind: 'team', teamId: 'T-cx' },
      };
      expect(route(complaint, set, view())).toEqual({
        ownerId: null,
        teamId: 'T-cx',
        ownerKind: 'team',
        ruleId: 'default',
        rulesVersion: 3,
        reason:
          'no rule matched; team T-cx has no members, so the case waits unassigned in its queue (default rule, version 3)',
        skipped: [],
      });
    });
  });
});
