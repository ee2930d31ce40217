export * from './domain/calendar';
export * from './domain/sla-policy';
export * from './domain/target-duration';
export * from './domain/calendar-draft';
export * from './domain/wall-time';
export * from './domain/validate-opening-hours';
export * from './domain/validate-special-days';
export * from './domain/validate-calendar';
export * from './domain/business-time';
export * from './domain/select-policy';
export * from './domain/built-in-policy-set';
export * from './domain/sla-fact';
export * from './domain/sla-facts-from-case-events';
export * from './domain/sla-clock';
export * from './domain/sla-clock-result';
export * from './domain/sla-deadlines';

export * from './shared/sla-config-error';
export * from './shared/config-envelope';
export type { ConfigStamp } from './shared/config-fields';

export * from './policies/sla-policy-draft';
export * from './policies/iso-duration';
export * from './policies/warn-at';
export * from './policies/validate-target';
export * from './policies/validate-escalation';
export * from './policies/validate-policy-match';
export * from './policies/validate-policy-set';
export * from './policies/sla-policies.commands';
export * from './policies/sla-policies.events';
export * from './policies/sla-policies.state';
export * from './policies/sla-policies.decider';
export * from './policies/published-sla-policies';
export * from './policies/publish-sla-policies.handler';
export * from './policies/load-sla-policies.query';

export * from './calendars/calendar.commands';
export * from './calendars/calendar.events';
export * from './calendars/calendar.state';
export * from './calendars/calendar.decider';
export * from './calendars/calendar-entry';
export * from './calendars/put-calendar.handler';
export * from './calendars/load-calendar.query';

export * from './application/sla-sources';
export * from './application/case-sla-view/case-sla-view';
