import { Clock, EventStore, handleCommand } from '@heard/event-store';
import { feedbackDecider, feedbackIdFor, feedbackStreamId } from '@heard/feedback';
import { putPerson, putRegion, putStore, putTeam, publishRoutingRules } from '@heard/directory';
import { DEMO_PEOPLE, DEMO_REGIONS, DEMO_RULES, DEMO_STORES, DEMO_TEAM } from './demo-directory';
import { DEMO_FEEDBACK } from './demo-feedback';

/** Loads the demo directory and feedback through the same handlers the API uses. Idempotent. */
export async function seedDemo(store: EventStore, clock: Clock): Promise<number> {
  const now = clock.now();
  const stamp = { at: now.toISOString(), by: 'demo' };
  for (const person of DEMO_PEOPLE)
    await putPerson(store, { type: 'PutPerson', ...person, roles: [...person.roles], ...stamp });
  for (const region of DEMO_REGIONS)
    await putRegion(store, { type: 'PutRegion', ...region, ...stamp });
  for (const shop of DEMO_STORES) await putStore(store, { type: 'PutStore', ...shop, ...stamp });
  await putTeam(store, {
    type: 'PutTeam',
    ...DEMO_TEAM,
    memberIds: [...DEMO_TEAM.memberIds],
    ...stamp,
  });
  await publishRoutingRules(store, {
    type: 'PublishRoutingRules',
    ...structuredClone(DEMO_RULES),
    ...stamp,
  });
  let added = 0;
  for (const { ref, hoursAgo, ...item } of DEMO_FEEDBACK) {
    const at = new Date(now.getTime() - hoursAgo * 3600_000).toISOString();
    // The id intake would derive from the same source pair, so the demo runs twice without change.
    const feedbackId = feedbackIdFor({ kind: 'source', system: 'demo', externalId: ref });
    const result = await handleCommand(
      store,
      feedbackStreamId(feedbackId),
      feedbackDecider,
      {
        type: 'ReceiveFeedback',
        ...item,
        feedbackId,
        occurredAt: at,
        receivedAt: at,
        source: { system: 'demo', externalId: ref },
      },
      { envelope: () => ({ actor: 'demo', occurredAt: new Date(at) }) },
    );
    added += result.events.length > 0 ? 1 : 0;
  }
  return added;
}
