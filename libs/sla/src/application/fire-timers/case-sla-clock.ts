import { CaseEvent, SlaApplied } from '@heard/cases';
import { RecordedEvent } from '@heard/event-store';
import { builtInPolicySetFor } from '../../domain/built-in-policy-set';
import { slaClock } from '../../domain/sla-clock';
import { SlaClock } from '../../domain/sla-clock-result';
import { slaFactsFromCaseEvents } from '../../domain/sla-facts-from-case-events';
import { SlaSources } from '../sla-sources';

/** A case's clock from its own stream, as the terms it recorded say; null before they are. */
export async function caseSlaClock(
  sources: SlaSources,
  history: readonly RecordedEvent[],
  now?: Date,
): Promise<SlaClock | null> {
  const events = history.map((e) => ({ type: e.type, data: e.data }) as CaseEvent);
  const applied = events.find((e): e is SlaApplied => e.type === 'SlaApplied');
  if (applied === undefined) return null;
  const { policySetVersion, builtInResolution, calendarId, calendarVersion, timeZone } =
    applied.data;
  const set =
    policySetVersion === 0
      ? builtInPolicySetFor(builtInResolution)
      : await sources.policySet(policySetVersion);
  if (set === null) throw new Error(`SLA policy set ${policySetVersion} cannot be read`);
  const calendar =
    calendarId === null || calendarVersion === null
      ? { timeZone }
      : ((await sources.calendar(calendarId, calendarVersion)) ?? { timeZone });
  return slaClock(slaFactsFromCaseEvents(events), set, calendar, now);
}
