import type { DomainEvent } from '@heard/event-store';
import { ChangeStamp } from '../shared/change-stamp';
import { RoutingRuleSet } from './routing-rule';

/** Carries the whole set, so any version can be read back from one event to explain a decision. */
export type RoutingRulesPublished = DomainEvent<
  'RoutingRulesPublished',
  RoutingRuleSet & ChangeStamp
>;

export type RoutingRulesEvent = RoutingRulesPublished;
