import { RuleMatch } from './routing-rule';
import { RoutingInput } from './routing-decision';

const allows = (list: readonly string[] | undefined, value: string | null): boolean =>
  list === undefined || (value !== null && list.includes(value));

export function matchesRule(match: RuleMatch, input: RoutingInput): boolean {
  return (
    allows(match.storeIds, input.storeId) &&
    allows(match.regionIds, input.regionId) &&
    allows(match.categories, input.category) &&
    allows(match.channels, input.channel) &&
    allows(match.priorities, input.priority) &&
    allows(match.kinds, input.kind)
  );
}
