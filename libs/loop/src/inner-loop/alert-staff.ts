import { CaseEvent } from '@heard/cases';
import { getPerson } from '@heard/directory';
import type { EventStore, RecordedEvent } from '@heard/event-store';
import { staffAlertNoticeId } from '../notices/notice-id';
import { scheduleNotice } from '../notices/schedule-notice';
import { caseAt } from './case-at';
import { causedBy } from './loop-envelope';
import { staffAlertsOf } from './staff-alerts-of';

/**
 * A warning, breach or escalation becomes a `staff_alert` notice by e-mail to each person it
 * tells, one per event and person. Only people in the directory are told: an escalation to a
 * team's queue or to the CX admins names no one to write to. Delivery finds the address.
 */
export async function alertStaff(store: EventStore, event: RecordedEvent): Promise<void> {
  const state = await caseAt(store, event);
  if (state.status === 'none') return;
  const caseEvent = { type: event.type, data: event.data } as CaseEvent;
  const at = (event.data as { readonly at: string }).at;
  for (const alert of staffAlertsOf(caseEvent, state, event.eventId)) {
    if ((await getPerson(store, alert.staffId)) === null) continue;
    await scheduleNotice(
      store,
      {
        noticeId: staffAlertNoticeId(event.eventId, alert.staffId),
        kind: 'staff_alert',
        recipient: { staffId: alert.staffId },
        refs: alert.refs,
        channel: 'email',
        notBefore: at,
        at,
      },
      causedBy(event),
    );
  }
}
