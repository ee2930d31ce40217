import { putStore } from '@heard/directory';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { LATER, publishPoliciesCommand, urgentPolicy } from '../testing/sla-config-commands';
import { BUILT_IN_POLICY_SET } from '../domain/built-in-policy-set';
import { loadSlaPolicies, loadSlaPolicySet } from './load-sla-policies.query';
import { publishSlaPolicies } from './publish-sla-policies.handler';
import { SlaPolicyDraft } from './sla-policy-draft';

const escalatingTo = (to: SlaPolicyDraft['escalation']): SlaPolicyDraft =>
  urgentPolicy({ escalation: to });
const level = (to: { kind: string; personId?: string; teamId?: string }) => ({
  to,
  mode: 'owner',
  target: { duration: 'PT1H', calendar: '24x7' },
});

describe('publishSlaPolicies and the loaders', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
    await putStore(eventStore, putStoreCommand());
  });

  it('answers the built-in default as version 0 before anything is published', async () => {
    expect(await loadSlaPolicies(eventStore)).toEqual({
      ...BUILT_IN_POLICY_SET,
      publishedAt: null,
      publishedBy: null,
    });
    expect(await loadSlaPolicySet(eventStore, 0)).toBe(BUILT_IN_POLICY_SET);
    expect(await loadSlaPolicySet(eventStore, 1)).toBeNull();
  });

  it('publishes version 1, then 2, and keeps every version readable', async () => {
    await publishSlaPolicies(eventStore, publishPoliciesCommand());
    await publishSlaPolicies(
      eventStore,
      publishPoliciesCommand({ policies: [], at: LATER, by: 'admin-2' }),
    );
    expect(await loadSlaPolicies(eventStore)).toMatchObject({
      version: 2,
      policies: [],
      publishedAt: LATER,
      publishedBy: 'admin-2',
    });
    expect(await loadSlaPolicySet(eventStore, 1)).toMatchObject({
      version: 1,
      policies: [{ policyId: 'urgent' }],
      defaultPolicy: { policyId: 'standard' },
    });
    expect(await loadSlaPolicySet(eventStore, 3)).toBeNull();
    expect(await loadSlaPolicySet(eventStore, -1)).toBeNull();
  });

  it('numbers concurrent publishes one after the other', async () => {
    await Promise.all([
      publishSlaPolicies(eventStore, publishPoliciesCommand()),
      publishSlaPolicies(eventStore, publishPoliciesCommand({ policies: [] })),
    ]);
    const stream = await eventStore.readStream('sla-policies');
    expect(stream.map((e) => (e.data as { version: number }).version)).toEqual([1, 2]);
  });

  it.each([
    [
      'a person missing from the directory',
      [escalatingTo([level({ kind: 'person', personId: 'nobody' })])],
      'sla.unknown_person',
      'policies[0].escalation[0].to.personId',
    ],
    [
      'a team missing from the directory',
      [
        escalatingTo([
          level({ kind: 'person', personId: 'RM-1' }),
          level({ kind: 'team', teamId: 'T-x' }),
        ]),
      ],
      'sla.unknown_team',
      'policies[0].escalation[1].to.teamId',
    ],
    [
      'a store missing from the directory',
      [
        urgentPolicy({ policyId: 'a' }),
        urgentPolicy({ policyId: 'b', match: { storeIds: ['S-042', 'S-404'] } }),
      ],
      'sla.unknown_store',
      'policies[1].match.storeIds[1]',
    ],
    [
      'a region missing from the directory',
      [urgentPolicy({ match: { regionIds: ['R-X'] } })],
      'sla.unknown_region',
      'policies[0].match.regionIds[0]',
    ],
  ])(
    'refuses %s, naming the field, and publishes nothing',
    async (_what, policies, code, field) => {
      await expect(
        publishSlaPolicies(eventStore, publishPoliciesCommand({ policies })),
      ).rejects.toMatchObject({ code, field, kind: 'invalid' });
      expect(await eventStore.readStream('sla-policies')).toEqual([]);
    },
  );

  it('names the first missing store of a long list, in the order given', async () => {
    const storeIds = Array.from({ length: 300 }, (_, i) => `S-${i}`);
    for (const storeId of storeIds.slice(0, 299)) {
      await putStore(eventStore, putStoreCommand({ storeId }));
    }
    await expect(
      publishSlaPolicies(
        eventStore,
        publishPoliciesCommand({ policies: [urgentPolicy({ match: { storeIds } })] }),
      ),
    ).rejects.toMatchObject({
      code: 'sla.unknown_store',
      field: 'policies[0].match.storeIds[299]',
    });
  });

  it('accepts the people, teams, stores and regions the directory knows', async () => {
    const policies = [
      urgentPolicy({
        match: { storeIds: ['S-042'], regionIds: ['R-N'] },
        escalation: [
          level({ kind: 'person', personId: 'RM-1' }),
          level({ kind: 'team', teamId: 'T-cx' }),
        ],
      }),
    ];
    const result = await publishSlaPolicies(eventStore, publishPoliciesCommand({ policies }));
    expect(result.version).toBe(1);
  });
});
