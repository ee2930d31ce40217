import {
  ActiveCase,
  CaseCommand,
  CaseEvent,
  caseDecider,
  durationWords,
  SlaBreached,
} from '@heard/cases';
import { EventStore, handleCommand, RecordedEvent } from '@heard/event-store';
import { caseSlaClock } from '../fire-timers/case-sla-clock';
import { SlaSources } from '../sla-sources';
import { slaEnvelope } from '../sla-envelope';
import { resolveEscalation } from './escalation-target';

/**
 * A missed resolution target climbs the case's policy one escalation level: to whom the level
 * names (from the directory now), as owner or watcher, saying which target was missed and by how
 * much. Once per breach: the ids derive from it, and the decider takes each level once.
 */
export async function escalateOnBreach(
  store: EventStore,
  sources: SlaSources,
  breach: RecordedEvent,
): Promise<void> {
  const d = breach.data as SlaBreached['data'];
  if (d.target !== 'resolution') return;
  const history = (await store.readStream(breach.streamId)).filter(
    (e) => e.streamVersion <= breach.streamVersion,
  );
  const clock = await caseSlaClock(sources, history);
  const current = clock?.targets.find((t) => t.kind === 'resolution');
  const next = clock?.escalation.next;
  if (!clock || !next || current?.cycle !== d.cycle) return;
  const state = history.reduce(
    (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
    caseDecider.initialState(),
  );
  if (state.status === 'none') return;
  const resolved = await resolveEscalation(store, next, state as ActiveCase);
  const late = durationWords(d.lateByMs);
  const because = `the resolution target due ${d.dueAt} was missed (breach recorded ${late} late); level ${next.level} of policy ${clock.policyId}`;
  const command: CaseCommand = {
    type: 'EscalateForSla',
    level: next.level,
    to: resolved.to,
    mode: resolved.mode,
    ownerId: resolved.ownerId,
    teamId: resolved.teamId,
    missed: { target: d.target, cycle: d.cycle, dueAt: d.dueAt, lateByMs: d.lateByMs },
    reason: resolved.note === null ? because : `${because}; ${resolved.note}`,
    at: d.at,
  };
  await handleCommand(store, breach.streamId, caseDecider, command, {
    envelope: slaEnvelope(breach, breach.streamId, command.type, d.at),
  });
}
