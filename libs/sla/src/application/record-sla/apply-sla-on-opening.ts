import { CaseCommand, CaseOpened, caseDecider, caseStreamId } from '@heard/cases';
import { EventStore, handleCommand, RecordedEvent } from '@heard/event-store';
import { selectPolicy } from '../../domain/select-policy';
import { SlaSources } from '../sla-sources';
import { slaEnvelope } from '../sla-envelope';
import { storeAtOpening } from './store-at-opening';

/**
 * The terms a case counts under for good: the policy of the set live when it opened, and the
 * store's calendar version of that moment. Read by log position, so a replay chooses the same.
 */
export async function applySlaOnOpening(
  store: EventStore,
  sources: SlaSources,
  opened: RecordedEvent,
): Promise<void> {
  const d = opened.data as CaseOpened['data'];
  const setVersion = await sources.policySetVersionBefore(opened.globalPosition);
  const set = await sources.policySet(setVersion);
  if (set === null) throw new Error(`SLA policy set version ${setVersion} cannot be read`);
  const policy = selectPolicy(set, d);
  const at = await storeAtOpening(store, d.storeId, d.storeVersion, opened.globalPosition);
  const calendarVersion =
    at.calendarId === null
      ? 0
      : await sources.calendarVersionBefore(at.calendarId, opened.globalPosition);
  // Business time counts in the calendar's zone; the store's own counts only without one.
  const calendar =
    at.calendarId === null || calendarVersion === 0
      ? null
      : await sources.calendar(at.calendarId, calendarVersion);
  const command: CaseCommand = {
    type: 'ApplySla',
    policyId: policy.policyId,
    policySetVersion: setVersion,
    calendarId: calendarVersion === 0 ? null : at.calendarId,
    calendarVersion: calendarVersion === 0 ? null : calendarVersion,
    timeZone: calendar?.timeZone ?? at.timeZone,
    ...(setVersion === 0
      ? { builtInResolution: set.defaultPolicy.targets.resolution.duration }
      : {}),
    at: d.at,
  };
  const streamId = caseStreamId(d.caseId);
  await handleCommand(store, streamId, caseDecider, command, {
    envelope: slaEnvelope(opened, streamId, command.type, d.at),
  });
}
