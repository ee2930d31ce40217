import {
  publishRoutingRules,
  PublishRoutingRules,
  putPerson,
  putStore,
  putTeam,
} from '@heard/directory';
import {
  publishRulesCommand,
  putPersonCommand,
  putStoreCommand,
  putTeamCommand,
  seedDirectory,
} from '@heard/directory/testing';
import { CaseAssigned } from '../../domain/case.events';
import { CaseView } from '../../read-models/case-view/case-view.entity';
import { CaseReactorHarness, complaint, T0 } from '../../testing/case-reactor-harness';

describe('routing a new case', () => {
  let h: CaseReactorHarness;

  const assignmentOf = async (caseId: string) =>
    (await h.caseEvents(caseId)).find((e) => e.type === 'CaseAssigned')?.data as
      CaseAssigned['data'] | undefined;
  const open = async (feedbackId: string, overrides = {}) => {
    await h.receive(
      complaint(feedbackId, { customer: { id: feedbackId, consent: true }, ...overrides }),
    );
    await h.settle();
    return assignmentOf(feedbackId);
  };
  const publish = (overrides: Partial<PublishRoutingRules>) =>
    publishRoutingRules(h.store, publishRulesCommand(overrides));
  const busy = (ownerId: string, caseId: string) =>
    h.dataSource.getRepository(CaseView).insert({
      caseId,
      status: 'open',
      storeId: 'S-1',
      regionId: null,
      category: 'queue',
      priority: 'normal',
      ownerId,
      teamId: 'T-cx',
      customerId: null,
      feedbackIds: '[]',
      openedAt: new Date(T0),
      dueAt: new Date(T0),
      acknowledgedAt: null,
      pausedAt: null,
      resolvedAt: null,
      targetHours: 72,
      escalationLevel: 0,
      version: 1,
      updatedAt: new Date(T0),
    });

  beforeEach(async () => {
    h = await CaseReactorHarness.start();
    await seedDirectory(h.store);
    await putStore(h.store, putStoreCommand());
    await putStore(h.store, putStoreCommand({ storeId: 'S-007', managerId: null }));
  });
  afterEach(() => h.stop());

  describe('before any rules are published', () => {
    it("assigns the store's manager", async () => {
      expect(await open('f-1')).toMatchObject({ ownerId: 'M-42', teamId: null });
    });

    it.each([
      ['a store without manager', { storeId: 'S-007' }, 'store S-007 has no manager'],
      ['feedback without store', { storeId: null }, 'the case has no store'],
    ])('leaves the case unassigned for %s, saying why', async (_label, overrides, why) => {
      expect(await open('f-1', overrides)).toEqual({
        ownerId: null,
        teamId: null,
        assignedBy: { kind: 'rule', ruleId: 'builtin', rulesVersion: 0 },
        reason: `${why}, so the case waits unassigned (built-in rule: no routing rules are published)`,
        at: T0,
      });
    });
  });

  describe('with published rules', () => {
    const toTeam = (teamId: string) => ({
      rules: [{ id: 'r-care', match: { categories: ['queue'] }, owner: { kind: 'team', teamId } }],
    });

    it('gives a team case to the member with the fewest open cases', async () => {
      await publish(toTeam('T-cx'));
      await busy('A-1', 'older-1');
      expect(await open('f-1')).toMatchObject({
        ownerId: 'A-2',
        teamId: 'T-cx',
        assignedBy: { kind: 'rule', ruleId: 'r-care', rulesVersion: 1 },
        reason:
          'A-2 has the fewest open cases in team T-cx (0 open cases) (rule r-care, version 1)',
      });
      // Once case_view has A-2's new case the two are level, and the tie goes to the smaller id.
      expect(await open('f-2')).toMatchObject({ ownerId: 'A-1' });
    });

    it('leaves a case unassigned in the queue of a team without members', async () => {
      await putTeam(h.store, putTeamCommand({ teamId: 'T-empty', memberIds: [] }));
      await publish({ ...toTeam('T-empty'), defaultOwner: { kind: 'team', teamId: 'T-empty' } });
      expect(await open('f-1')).toMatchObject({ ownerId: null, teamId: 'T-empty' });
      expect((await assignmentOf('f-1'))?.reason).toContain('waits unassigned in its queue');
    });

    it('falls back to the default owner when no rule matches', async () => {
      await publish({ defaultOwner: { kind: 'person', personId: 'A-1' } });
      expect(await open('f-1', { kind: 'survey', nps: 2, category: 'queue' })).toMatchObject({
        ownerId: 'A-1',
        assignedBy: { kind: 'rule', ruleId: 'default', rulesVersion: 1 },
      });
    });
  });

  // The reactor keeps what it read of the directory between cases: each case must still be routed
  // by the directory as it stands when the case opens.
  describe('as the directory changes between two cases', () => {
    const toTeam = (teamId: string, version = 1) => ({
      rules: [{ id: `r-${version}`, match: {}, owner: { kind: 'team', teamId } }],
    });

    it("follows a store's new manager", async () => {
      await putPerson(h.store, putPersonCommand({ personId: 'M-7' }));
      expect(await open('f-1')).toMatchObject({ ownerId: 'M-42' });
      await putStore(h.store, putStoreCommand({ managerId: 'M-7' }));
      expect(await open('f-2')).toMatchObject({ ownerId: 'M-7' });
    });

    it('follows a new version of the rules and the team it names', async () => {
      await publish(toTeam('T-cx'));
      expect(await open('f-1')).toMatchObject({ teamId: 'T-cx' });
      await putTeam(h.store, putTeamCommand({ teamId: 'T-back', memberIds: ['M-42'] }));
      await publish(toTeam('T-back', 2));
      expect(await open('f-2')).toMatchObject({
        ownerId: 'M-42',
        teamId: 'T-back',
        assignedBy: { kind: 'rule', ruleId: 'r-2', rulesVersion: 2 },
      });
    });

    it("follows a team's new members", async () => {
      await publish(toTeam('T-cx'));
      expect(await open('f-1')).toMatchObject({ ownerId: 'A-1' });
      // A-1 now has the more open cases, but is the only member left.
      await putTeam(h.store, putTeamCommand({ memberIds: ['A-1'] }));
      expect(await open('f-2')).toMatchObject({ ownerId: 'A-1' });
    });

    it('goes back to the built-in rule for a store without manager', async () => {
      expect(await open('f-1')).toMatchObject({ ownerId: 'M-42' });
      await putStore(h.store, putStoreCommand({ managerId: null }));
      expect(await open('f-2')).toMatchObject({ ownerId: null });
    });
  });
});
