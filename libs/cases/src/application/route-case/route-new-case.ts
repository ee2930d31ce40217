import { loadRoutingRules, route, RoutingDecision, RoutingInput } from '@heard/directory';
import type { EventStore } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { routeWithoutRules } from './builtin-routing';
import { loadRoutingView } from './load-routing-view';

/** The live published rules decide; before the first publish, the built-in rule does. */
export async function routeNewCase(
  store: EventStore,
  dataSource: DataSource,
  input: RoutingInput,
): Promise<RoutingDecision> {
  const rules = await loadRoutingRules(store);
  const view = await loadRoutingView(store, dataSource, rules, input.storeId);
  return rules === null ? routeWithoutRules(input, view) : route(input, rules, view);
}
