import { RoutingRuleSet } from './routing-rule';

export type RoutingRulesState =
  | { readonly status: 'Unpublished' }
  | {
      readonly status: 'Published';
      readonly ruleSet: RoutingRuleSet;
      readonly publishedAt: string;
      readonly publishedBy: string;
    };

export const initialRoutingRulesState = (): RoutingRulesState => ({ status: 'Unpublished' });

/** One stream for the whole set: versions are its history and publishes are serialised by it. */
export const ROUTING_RULES_STREAM_ID = 'routing-rules';
