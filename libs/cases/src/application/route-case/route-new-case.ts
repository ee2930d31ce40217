import { route, RoutingDecision, RoutingInput } from '@heard/directory';
import { DataSource } from 'typeorm';
import { routeWithoutRules } from './builtin-routing';
import { loadRoutingView } from './load-routing-view';
import { RoutingFacts } from './routing-directory';

/** The live published rules decide; before the first publish, the built-in rule does. */
export async function routeNewCase(
  dataSource: DataSource,
  input: RoutingInput,
  facts: RoutingFacts,
): Promise<RoutingDecision> {
  const { rules } = facts;
  const view = await loadRoutingView(dataSource, facts, input.storeId);
  return rules === null ? routeWithoutRules(input, view) : route(input, rules, view);
}
