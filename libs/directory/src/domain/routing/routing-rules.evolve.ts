import { unreachable } from '../shared/unreachable';
import { RoutingRulesEvent } from './routing-rules.events';
import { RoutingRulesState } from './routing-rules.state';

export function evolveRoutingRules(
  _state: RoutingRulesState,
  event: RoutingRulesEvent,
): RoutingRulesState {
  switch (event.type) {
    case 'RoutingRulesPublished': {
      const { version, rules, defaultOwner, at, by } = event.data;
      return {
        status: 'Published',
        ruleSet: { version, rules, defaultOwner },
        publishedAt: at,
        publishedBy: by,
      };
    }
    default:
      return unreachable(event.type, 'routing rules event');
  }
}
