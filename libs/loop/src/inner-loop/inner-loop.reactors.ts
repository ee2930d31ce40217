import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { alertStaff } from './alert-staff';
import { CUSTOMER_CASE_EVENT_TYPES } from './case-notice-kind';
import { notifyCaseCustomer } from './notify-case-customer';
import { STAFF_ALERT_EVENT_TYPES } from './staff-alerts-of';
import { thankForFeedback } from './thank-for-feedback';

export const INNER_LOOP_REACTOR = 'inner-loop-notices';
export const STAFF_ALERTS_REACTOR = 'staff-alerts';

const customerTypes = new Set<string>([...CUSTOMER_CASE_EVENT_TYPES, 'FeedbackTriaged']);
const staffTypes = new Set<string>(STAFF_ALERT_EVENT_TYPES);

/**
 * Case acknowledgements, public replies and resolutions → notices to the case's customer;
 * positive feedback → a thank-you. Notice ids derive from the causing event, so a replay or a
 * redelivery schedules nothing twice.
 */
export function innerLoopReactor(deps: { readonly store: EventStore }): Reactor {
  return {
    name: INNER_LOOP_REACTOR,
    canHandle: (type) => customerTypes.has(type),
    // Each causing event schedules its own notice; one stream's in order is plenty.
    partitionOf: (event) => Promise.resolve(event.streamId),
    handle: (event) =>
      event.type === 'FeedbackTriaged'
        ? thankForFeedback(deps.store, event)
        : notifyCaseCustomer(deps.store, event),
  };
}

/** SLA warnings, breaches and escalations → e-mail alerts to the staff they concern. */
export function staffAlertsReactor(deps: { readonly store: EventStore }): Reactor {
  return {
    name: STAFF_ALERTS_REACTOR,
    canHandle: (type) => staffTypes.has(type),
    partitionOf: (event) => Promise.resolve(event.streamId),
    handle: (event) => alertStaff(deps.store, event),
  };
}

/** The inner loop's process managers, as the subscriptions registry lists them. */
export const innerLoopReactors = (deps: { readonly store: EventStore }): readonly Reactor[] => [
  innerLoopReactor(deps),
  staffAlertsReactor(deps),
];
