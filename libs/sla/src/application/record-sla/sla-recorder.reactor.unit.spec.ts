import { caseOpened, hoursAfterOpening as hours } from '@heard/cases/testing';
import { caseStreamId, CaseEvent } from '@heard/cases';
import { storeDecider, storeStreamId } from '@heard/directory';
import { putStoreCommand } from '@heard/directory/testing';
import { handleCommand, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { builtInPolicySet } from '../../domain/built-in-policy-set';
import { calendarDecider } from '../../calendars/calendar.decider';
import { calendarStreamId } from '../../calendars/calendar.state';
import { slaPoliciesDecider } from '../../policies/sla-policies.decider';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import {
  defaultPolicy,
  publishPoliciesCommand,
  putCalendarCommand,
} from '../../testing/sla-config-commands';
import { slaRecorderReactor } from './sla-recorder.reactor';

describe('the SLA recorder', () => {
  let store: InMemoryEventStore;
  let delivered: bigint;
  const reactor = () => slaRecorderReactor({ store, builtIn: builtInPolicySet(48) });
  const agent = { id: 'A-1', role: 'agent' } as const;

  /** Hands every event since the last delivery to a fresh reactor, the way a restarted runner would. */
  const deliver = async (again = false): Promise<void> => {
    const r = reactor();
    const events = await store.readAll({ after: again ? 0n : delivered });
    for (const event of events) {
      if (r.canHandle(event.type)) await r.handle(event);
      delivered = event.globalPosition > delivered ? event.globalPosition : delivered;
    }
  };
  const open = async (caseId: string, storeVersion = 1) => {
    await store.append(caseStreamId(caseId), [caseOpened({ caseId, storeVersion })], {
      expectedVersion: 'no_stream',
    });
  };
  const slaEvents = async (caseId: string): Promise<RecordedEvent[]> =>
    (await store.readStream(caseStreamId(caseId))).filter((e) => e.type.startsWith('Sla'));
  const publish = (policies = publishPoliciesCommand()) =>
    handleCommand(store, SLA_POLICIES_STREAM_ID, slaPoliciesDecider, policies);
  const putStore = (calendarId: string | null) =>
    handleCommand(store, storeStreamId('S-042'), storeDecider, {
      ...putStoreCommand(),
      calendarId,
    });

  beforeEach(() => {
    store = new InMemoryEventStore();
    delivered = 0n;
  });

  it('records the built-in default, from CASE_TARGET_HOURS, before any publish', async () => {
    await putStore(null);
    await open('f-1');
    await deliver();
    const [applied] = await slaEvents('f-1');
    expect(applied).toMatchObject({
      type: 'SlaApplied',
      actor: 'heard:sla',
      data: {
        policyId: 'built-in-default',
        policySetVersion: 0,
        calendarId: null,
        calendarVersion: null,
        timeZone: 'Europe/Berlin',
        builtInResolution: 'PT48H',
        at: hours(0),
      },
    });
  });

  it("records the policy and the store's calendar version live at the opening, for good", async () => {
    await publish();
    await handleCommand(
      store,
      calendarStreamId('kyiv-stores'),
      calendarDecider,
      putCalendarCommand(),
    );
    await putStore('kyiv-stores');
    await open('f-1');
    await publish(
      publishPoliciesCommand({ defaultPolicy: defaultPolicy({ policyId: 'standard-v2' }) }),
    );
    await handleCommand(
      store,
      calendarStreamId('kyiv-stores'),
      calendarDecider,
      putCalendarCommand({ timeZone: 'Europe/Berlin' }),
    );
    await open('f-2');
    await deliver();
    await deliver(true);

    const first = await slaEvents('f-1');
    expect(first).toHaveLength(1);
    expect(first[0].data).toMatchObject({
      policyId: 'standard',
      policySetVersion: 1,
      calendarId: 'kyiv-stores',
      calendarVersion: 1,
      // The calendar's zone, not the store's: business hours are the calendar's.
      timeZone: 'Europe/Kyiv',
    });
    expect(first[0].data).not.toHaveProperty('builtInResolution');
    expect((await slaEvents('f-2'))[0].data).toMatchObject({
      policyId: 'standard-v2',
      policySetVersion: 2,
      calendarVersion: 2,
      timeZone: 'Europe/Berlin',
    });
  });

  it('records a re-targeting on a change of priority once, under the version opened with', async () => {
    await publish();
    await putStore(null);
    await open('f-1');
    await deliver();
    await publish(publishPoliciesCommand({ policies: [] }));
    const change: CaseEvent = {
      type: 'PriorityChanged',
      data: { by: agent, at: hours(1), from: 'normal', to: 'urgent', reason: null },
    };
    await store.append(caseStreamId('f-1'), [change], { expectedVersion: 2 });
    await deliver();
    await deliver(true);

    const events = await slaEvents('f-1');
    expect(events.map((e) => e.type)).toEqual(['SlaApplied', 'SlaRetargeted']);
    expect(events[1].data).toEqual({
      priority: 'urgent',
      policySetVersion: 1,
      fromPolicyId: 'standard',
      toPolicyId: 'urgent',
      dropped: [],
      at: hours(1),
    });
    const cause = (await store.readStream(caseStreamId('f-1')))[2];
    expect(events[1].causationId).toBe(cause.eventId);
  });
});
