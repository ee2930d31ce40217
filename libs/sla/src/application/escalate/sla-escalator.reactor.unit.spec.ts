import { CaseEvent, caseStreamId } from '@heard/cases';
import { caseOpened, hoursAfterOpening as hours } from '@heard/cases/testing';
import { putStore } from '@heard/directory';
import { putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { builtInPolicySet } from '../../domain/built-in-policy-set';
import { SlaSources } from '../sla-sources';
import { slaEscalatorReactor } from './sla-escalator.reactor';

const applied: CaseEvent = {
  type: 'SlaApplied',
  data: {
    policyId: 'built-in-default',
    policySetVersion: 0,
    calendarId: null,
    calendarVersion: null,
    timeZone: 'UTC',
    builtInResolution: 'PT1H',
    at: hours(0),
  },
};
const breached = (cycle: number, dueAt: string, at: string): CaseEvent => ({
  type: 'SlaBreached',
  data: { target: 'resolution', cycle, dueAt, lateByMs: Date.parse(at) - Date.parse(dueAt), at },
});

describe('the SLA escalator', () => {
  let store: InMemoryEventStore;
  const streamId = caseStreamId('f-1');
  const escalator = () =>
    slaEscalatorReactor({ store, sources: new SlaSources(store, builtInPolicySet(1)) });
  const handleLast = async (times = 1) => {
    const last = (await store.readStream(streamId)).at(-1) as RecordedEvent;
    for (let i = 0; i < times; i++) await escalator().handle(last);
  };
  const after = async (version: number) =>
    (await store.readStream(streamId)).filter((e) => e.streamVersion > version);

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await seedDirectory(store);
    await putStore(store, putStoreCommand());
    await store.append(streamId, [caseOpened({ storeVersion: 1 }), applied], {
      expectedVersion: 'no_stream',
    });
  });

  it("hands a missed resolution to the region's lead as owner, once per breach", async () => {
    await store.append(streamId, [breached(1, hours(1), hours(1.001))], { expectedVersion: 2 });
    await handleLast(2);
    const [escalated, assigned, ...more] = await after(3);
    expect(more).toEqual([]);
    expect(escalated).toMatchObject({
      type: 'CaseEscalated',
      actor: 'heard:sla',
      data: {
        level: 1,
        to: 'RM-1',
        mode: 'owner',
        missed: { target: 'resolution', cycle: 1, dueAt: hours(1), lateByMs: 3600 },
        reason: `the resolution target due ${hours(1)} was missed (breach recorded 4 s late); level 1 of policy built-in-default`,
      },
    });
    expect(assigned).toMatchObject({
      type: 'CaseAssigned',
      data: { ownerId: 'RM-1', assignedBy: { kind: 'escalation', level: 1 } },
    });
  });

  it("brings in the CX admins as watchers when the lead's own target is missed, then stops", async () => {
    await store.append(streamId, [breached(1, hours(1), hours(1))], { expectedVersion: 2 });
    await handleLast();
    // Level 1's target: 24 hours from the escalation.
    await store.append(streamId, [breached(2, hours(25), hours(25))], { expectedVersion: 5 });
    await handleLast();
    const [second, ...more] = await after(6);
    expect(more).toEqual([]);
    expect(second).toMatchObject({
      type: 'CaseEscalated',
      data: { level: 2, to: 'cx_admins', mode: 'watcher' },
    });
    await store.append(streamId, [breached(3, hours(49), hours(49))], { expectedVersion: 7 });
    await handleLast();
    expect(await after(8)).toEqual([]);
  });

  it('ignores a breach of a cycle the case has moved past, and other targets', async () => {
    await store.append(streamId, [breached(7, hours(1), hours(1))], { expectedVersion: 2 });
    await handleLast();
    expect(await after(3)).toEqual([]);
  });
});
