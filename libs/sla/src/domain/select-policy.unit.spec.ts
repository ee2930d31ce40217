import { BUILT_IN_POLICY_SET, builtInPolicySet } from './built-in-policy-set';
import { selectPolicy } from './select-policy';
import { CaseFacts, SlaPolicy, SlaPolicySet } from './sla-policy';
import { parseTargetDuration } from './target-duration';

const policy = (policyId: string, match: SlaPolicy['match']): SlaPolicy => ({
  policyId,
  name: policyId,
  match,
  targets: { resolution: { duration: 'PT4H', calendar: 'business' } },
  warnAt: 0.8,
  escalation: [],
});

const set: SlaPolicySet = {
  version: 7,
  policies: [
    policy('urgent-kyiv', { priorities: ['urgent'], regionIds: ['R-KYIV'] }),
    policy('hygiene', { categories: ['hygiene'], kinds: ['complaint'] }),
    policy('store-42-app', { storeIds: ['S-42'], channels: ['app', 'web'] }),
    policy('empty-lists', { priorities: [], categories: [] }),
  ],
  defaultPolicy: policy('default', {}),
};

const facts: CaseFacts = {
  priority: 'normal',
  category: 'queues',
  channel: 'store',
  kind: 'complaint',
  storeId: 'S-42',
  regionId: 'R-KYIV',
};

describe('policy selection', () => {
  it('applies the first policy whose every given criterion holds', () => {
    expect(selectPolicy(set, { ...facts, priority: 'urgent', category: 'hygiene' }).policyId).toBe(
      'urgent-kyiv',
    );
    expect(selectPolicy(set, { ...facts, category: 'hygiene' }).policyId).toBe('hygiene');
    expect(selectPolicy(set, { ...facts, category: 'hygiene', kind: 'review' }).policyId).toBe(
      'empty-lists',
    );
    expect(selectPolicy(set, { ...facts, channel: 'app' }).policyId).toBe('store-42-app');
  });

  it('treats an empty list as no criterion', () => {
    expect(selectPolicy(set, facts).policyId).toBe('empty-lists');
  });

  it('falls back to the default, and a case without a store or region matches no list of them', () => {
    const strict = { ...set, policies: set.policies.slice(0, 3) };
    expect(selectPolicy(strict, facts).policyId).toBe('default');
    expect(selectPolicy(strict, { ...facts, priority: 'urgent', regionId: null }).policyId).toBe(
      'default',
    );
    expect(selectPolicy(strict, { ...facts, channel: 'app', storeId: null }).policyId).toBe(
      'default',
    );
  });
});

describe('the built-in policy set', () => {
  it('is version 0: resolution within 72 hours 24x7, escalating to the region lead, then the CX admins', () => {
    expect(BUILT_IN_POLICY_SET.version).toBe(0);
    expect(BUILT_IN_POLICY_SET.policies).toEqual([]);
    expect(selectPolicy(BUILT_IN_POLICY_SET, facts)).toMatchObject({
      policyId: 'built-in-default',
      targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
      warnAt: 0.8,
      escalation: [{ to: { kind: 'region_lead' } }, { to: { kind: 'cx_admins' } }],
    });
  });

  it('takes its resolution hours from CASE_TARGET_HOURS, fractions too', () => {
    expect(builtInPolicySet(48).defaultPolicy.targets.resolution.duration).toBe('PT48H');
    const short = builtInPolicySet(0.001).defaultPolicy.targets.resolution.duration;
    expect(short).toBe('PT3.6S');
    expect(parseTargetDuration(short)).toBe(3600);
    expect(() => builtInPolicySet(0)).toThrow(RangeError);
  });
});
