import { DirectoryError } from '../shared/directory-error';
import { RoutingRuleDraft, RuleOwnerDraft } from './routing-rule-draft';
import { validateRuleSet } from './validate-rule-set';

const team: RuleOwnerDraft = { kind: 'team', teamId: 'T-cx' };
const rule = (overrides: Partial<RoutingRuleDraft> = {}): RoutingRuleDraft => ({
  id: 'r-1',
  match: { kinds: ['complaint'] },
  owner: { kind: 'store_manager' },
  ...overrides,
});

const refusal = (drafts: readonly RoutingRuleDraft[], defaultOwner: RuleOwnerDraft = team) => {
  try {
    validateRuleSet(drafts, defaultOwner);
  } catch (error) {
    if (error instanceof DirectoryError)
      return { code: error.code, field: error.field, kind: error.kind };
    throw error;
  }
  throw new Error('expected a DirectoryError');
};

describe('validateRuleSet', () => {
  it('normalises match lists into sorted sets and drops blank descriptions', () => {
    const { rules } = validateRuleSet(
      [
        rule({
          description: '  ',
          match: { storeIds: ['S-2', 'S-1', 'S-2'], channels: ['web', 'app'] },
        }),
      ],
      team,
    );
    expect(rules).toEqual([
      {
        id: 'r-1',
        match: { storeIds: ['S-1', 'S-2'], channels: ['app', 'web'] },
        owner: { kind: 'store_manager' },
      },
    ]);
  });

  it('keeps the rule order and a description', () => {
    const { rules } = validateRuleSet(
      [rule({ id: 'b', description: 'bakery' }), rule({ id: 'a' })],
      team,
    );
    expect(rules.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rules[0].description).toBe('bakery');
  });

  it('treats a missing match as match-anything', () => {
    expect(validateRuleSet([rule({ match: undefined })], team).rules[0].match).toEqual({});
  });

  it.each<[string, RoutingRuleDraft[], RuleOwnerDraft, { code: string; field: string }]>([
    [
      'a repeated rule id',
      [rule(), rule()],
      team,
      { code: 'directory.duplicate_rule_id', field: 'rules[1].id' },
    ],
    [
      'the reserved id "default"',
      [rule({ id: 'default' })],
      team,
      { code: 'directory.invalid_rule', field: 'rules[0].id' },
    ],
    [
      'an unknown channel',
      [rule({ match: { channels: ['app', 'fax'] } })],
      team,
      { code: 'directory.unknown_channel', field: 'rules[0].match.channels[1]' },
    ],
    [
      'an unknown kind',
      [rule({ match: { kinds: ['rant'] } })],
      team,
      { code: 'directory.unknown_kind', field: 'rules[0].match.kinds[0]' },
    ],
    [
      'an unknown priority',
      [rule({ match: { priorities: ['p1'] } })],
      team,
      { code: 'directory.unknown_priority', field: 'rules[0].match.priorities[0]' },
    ],
    [
      'an unknown criterion',
      [rule({ match: { weather: ['rain'] } })],
      team,
      { code: 'directory.invalid_rule', field: 'rules[0].match.weather' },
    ],
    [
      'an empty list',
      [rule({ match: { storeIds: [] } })],
      team,
      { code: 'directory.invalid_list', field: 'rules[0].match.storeIds' },
    ],
    [
      'a bad store id',
      [rule({ match: { storeIds: ['S 1'] } })],
      team,
      { code: 'directory.invalid_id', field: 'rules[0].match.storeIds[0]' },
    ],
    [
      'an unknown owner kind',
      [rule({ owner: { kind: 'robot' } })],
      team,
      { code: 'directory.invalid_owner', field: 'rules[0].owner.kind' },
    ],
    [
      'a person owner without id',
      [rule({ owner: { kind: 'person' } })],
      team,
      { code: 'directory.invalid_id', field: 'rules[0].owner.personId' },
    ],
    [
      'a team owner without id',
      [rule({ owner: { kind: 'team', teamId: null } })],
      team,
      { code: 'directory.invalid_id', field: 'rules[0].owner.teamId' },
    ],
    [
      'a store manager as default',
      [],
      { kind: 'store_manager' },
      { code: 'directory.invalid_owner', field: 'defaultOwner.kind' },
    ],
  ])('refuses %s, naming the field', (_what, drafts, defaultOwner, expected) => {
    expect(refusal(drafts, defaultOwner)).toEqual({ ...expected, kind: 'invalid' });
  });
});
