import type { HandleResult } from '@heard/event-store';
import { RoutingRulesEvent } from '../domain/routing/routing-rules.events';
import { RoutingRulesState } from '../domain/routing/routing-rules.state';
import { PublishedRoutingRules } from './queries/load-routing-rules.query';

/** The live rule set after a publish, new or unchanged, in the shape loadRoutingRules answers. */
export function publishedRulesOfResult(
  result: HandleResult<RoutingRulesEvent, RoutingRulesState>,
): PublishedRoutingRules {
  const { state } = result;
  if (state.status === 'Unpublished') throw new Error('a publish always leaves a rule set live');
  return { ...state.ruleSet, publishedAt: state.publishedAt, publishedBy: state.publishedBy };
}
