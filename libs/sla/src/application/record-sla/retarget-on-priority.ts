import { CaseCommand, CaseEvent, caseDecider, PriorityChanged, SlaApplied } from '@heard/cases';
import { EventStore, handleCommand, RecordedEvent } from '@heard/event-store';
import { slaClock } from '../../domain/sla-clock';
import { slaFactsFromCaseEvents } from '../../domain/sla-facts-from-case-events';
import { SlaSources } from '../sla-sources';
import { slaEnvelope } from '../sla-envelope';

/**
 * Records how a change of priority re-targeted the case, under the policy set version it opened
 * with: the clock folds the case up to the change and says which policy it moved to.
 */
export async function retargetOnPriority(
  store: EventStore,
  sources: SlaSources,
  changed: RecordedEvent,
): Promise<void> {
  const full = await store.readStream(changed.streamId);
  // Handled already: the decider cannot tell two changes to one priority apart, the cause can.
  if (full.some((e) => e.causationId === changed.eventId)) return;
  const history = full.filter((e) => e.streamVersion <= changed.streamVersion);
  const events = history.map((e) => ({ type: e.type, data: e.data }) as CaseEvent);
  const applied = events.find((e): e is SlaApplied => e.type === 'SlaApplied');
  if (applied === undefined) return;
  const set = await sources.policySet(applied.data.policySetVersion);
  if (set === null)
    throw new Error(`SLA policy set ${applied.data.policySetVersion} is unreadable`);
  const retargeting = slaClock(slaFactsFromCaseEvents(events), set, null)?.retargeted.at(-1);
  if (retargeting === undefined) return;
  const { at, to } = changed.data as PriorityChanged['data'];
  const command: CaseCommand = {
    type: 'RetargetSla',
    priority: to,
    policySetVersion: set.version,
    fromPolicyId: retargeting.fromPolicyId,
    toPolicyId: retargeting.toPolicyId,
    dropped: retargeting.dropped,
    at,
  };
  await handleCommand(store, changed.streamId, caseDecider, command, {
    envelope: slaEnvelope(changed, changed.streamId, command.type, at),
  });
}
