import type { Decider } from '@heard/event-store';
import { RoutingRulesCommand } from './routing-rules.commands';
import { decideRoutingRules } from './routing-rules.decide';
import { RoutingRulesEvent } from './routing-rules.events';
import { evolveRoutingRules } from './routing-rules.evolve';
import { initialRoutingRulesState, RoutingRulesState } from './routing-rules.state';

export const routingRulesDecider: Decider<
  RoutingRulesCommand,
  RoutingRulesEvent,
  RoutingRulesState
> = {
  decide: decideRoutingRules,
  evolve: evolveRoutingRules,
  initialState: initialRoutingRulesState,
};
