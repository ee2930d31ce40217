import type { EventStore, RecordedEvent } from '@heard/event-store';
import { RoutingRuleSet } from '../../domain/routing/routing-rule';
import { RoutingRulesEvent } from '../../domain/routing/routing-rules.events';
import { evolveRoutingRules } from '../../domain/routing/routing-rules.evolve';
import { StreamFreshness } from '../stream-freshness';
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

/**
 * The live rule set kept between loads by a long-running reader of one event store (the case
 * opener routes every new case with it). A load reads only what was published since the version
 * it holds, so it answers what an uncached load would, usually from an empty read.
 */
export class RoutingRulesCache {
  private known: { readonly version: number; readonly rules: PublishedRoutingRules | null } | null =
    null;
  private owner: EventStore | null = null;
  private readonly freshness = new StreamFreshness();

  /** See StreamFreshness: from now on `changed` hears of every append, and loads trust it. */
  watch(): void {
    this.freshness.watch();
  }

  changed(streamId: string): void {
    this.freshness.changed(streamId);
  }

  /** The set the last load answered, without asking the store: a guess until a load confirms it. */
  lastKnown(): PublishedRoutingRules | null {
    return this.known?.rules ?? null;
  }

  async load(eventStore: EventStore): Promise<PublishedRoutingRules | null> {
    this.owner ??= eventStore;
    if (this.owner !== eventStore) throw new Error('a routing rules cache serves one event store');
    const known = this.known;
    if (known && this.freshness.isCurrent(ROUTING_RULES_STREAM_ID)) return known.rules;
    // Without a version to go on, the last event alone; after that, whatever came since.
    const newer = await this.freshness.reading(ROUTING_RULES_STREAM_ID, () =>
      known
        ? eventStore.readStream(ROUTING_RULES_STREAM_ID, { fromVersion: known.version + 1 })
        : eventStore.readStream(ROUTING_RULES_STREAM_ID, { direction: 'backwards', limit: 1 }),
    );
    const last = known ? newer[newer.length - 1] : newer[0];
    if (!last) {
      this.known ??= { version: 0, rules: null };
      return this.known.rules;
    }
    // Overlapping loads may finish out of order: the older answer must not win.
    if (this.known === null || this.known.version < last.streamVersion) {
      this.known = { version: last.streamVersion, rules: toPublished(last) };
    }
    return this.known.rules;
  }
}

export interface RoutingRulesQueryOptions {
  /** Keep the live set here between loads. */
  readonly cache?: RoutingRulesCache;
}

/** The live rule set, or null before the first publish. Each event holds a whole set, so one read suffices. */
export async function loadRoutingRules(
  eventStore: EventStore,
  options: RoutingRulesQueryOptions = {},
): Promise<PublishedRoutingRules | null> {
  if (options.cache) return options.cache.load(eventStore);
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
