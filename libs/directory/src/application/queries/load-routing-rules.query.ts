import type { EventStore, RecordedEvent } from '@heard/event-store';
import { RoutingRuleSet } from '../../domain/routing/routing-rule';
import { RoutingRulesEvent } from '../../domain/routing/routing-rules.events';
import { evolveRoutingRules } from '../../domain/routing/routing-rules.evolve';
import {
  initialRoutingRulesState,
  ROUTING_RULES_STREAM_ID,
} from '../../domain/routing/routing-rules.state';

export interface PublishedRoutingRules extends RoutingRuleSet {
  readonly publishedAt: string;
  readonly publishedBy: string;
}

function toPublished(recorded: RecordedEvent | undefined): PublishedRoutingRules | null {
  if (!recorded) return null;
  const event = { type: recorded.type, data: recorded.data } as RoutingRulesEvent;
  const state = evolveRoutingRules(initialRoutingRulesState(), event);
  if (state.status !== 'Published') return null;
  return { ...state.ruleSet, publishedAt: state.publishedAt, publishedBy: state.publishedBy };
}

/** The live rule set, or null before the first publish. Each event holds a whole set, so one read suffices. */
export async function loadRoutingRules(
  eventStore: EventStore,
): Promise<PublishedRoutingRules | null> {
  const [last] = await eventStore.readStream(ROUTING_RULES_STREAM_ID, {
    direction: 'backwards',
    limit: 1,
  });
  return toPublished(last);
}

/** A past version, to explain a decision that recorded it; null if that version never existed. */
export async function loadRoutingRulesVersion(
  eventStore: EventStore,
  version: number,
): Promise<PublishedRoutingRules | null> {
  if (!Number.isSafeInteger(version) || version < 1) return null;
  // Every publish appends exactly one event, so version n is stream event n.
  const [candidate] = await eventStore.readStream(ROUTING_RULES_STREAM_ID, {
    fromVersion: version,
    limit: 1,
  });
  const published = toPublished(candidate);
  return published?.version === version ? published : null;
}
