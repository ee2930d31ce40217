import {
  DirectoryEntry,
  EntryCache,
  getStore,
  getTeam,
  PublishedRoutingRules,
  RoutingRulesCache,
  RoutingRuleSet,
  StoreFields,
  TeamFields,
} from '@heard/directory';
import type { EventStore, RecordedEvent } from '@heard/event-store';

/** What routing a new case needs from the directory. */
export interface RoutingFacts {
  readonly storeEntry: DirectoryEntry<StoreFields> | null;
  /** Null before the first publish. */
  readonly rules: PublishedRoutingRules | null;
  /** The members of every team the rules name. */
  readonly members: ReadonlyMap<string, readonly string[]>;
}

export interface RoutingDirectoryCapacity {
  readonly stores: number;
  readonly teams: number;
}

/** Room for every store of a large chain; an entry is a few hundred bytes. */
const DEFAULT_CAPACITY: RoutingDirectoryCapacity = { stores: 20_000, teams: 2_000 };

export const teamsIn = (ruleSet: RoutingRuleSet | null): string[] => {
  if (ruleSet === null) return [];
  const owners = [...ruleSet.rules.map((rule) => rule.owner), ruleSet.defaultOwner];
  return [...new Set(owners.flatMap((owner) => (owner.kind === 'team' ? [owner.teamId] : [])))];
};

/** Marks a read whose answer may go unused, so its failure is not reported as unhandled. */
function mayGoUnused<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/**
 * The directory as the case opener reads it for every new case. The store, the rules and the
 * teams are kept by stream version and caught up on every use with a read of what was appended
 * since (usually nothing), so a change made a moment ago routes the very next case, while the
 * streams are not read and folded again for each complaint. The reads of one use go out together:
 * the teams of the rules last seen are read alongside the rules, and only a team that a newly
 * published version brings in is read after them.
 */
export class RoutingDirectory {
  private readonly stores: EntryCache<StoreFields>;
  private readonly teams: EntryCache<TeamFields>;
  private readonly rules = new RoutingRulesCache();

  constructor(
    private readonly eventStore: EventStore,
    capacity: RoutingDirectoryCapacity = DEFAULT_CAPACITY,
  ) {
    this.stores = new EntryCache(capacity.stores);
    this.teams = new EntryCache(capacity.teams);
  }

  /**
   * From now on every appended event is passed to `observe` before it is relied on (the case
   * opener sees the whole log, batch by batch): the directory is then read only when it changed,
   * not caught up with an empty read for every complaint.
   */
  watch(): this {
    this.stores.watch();
    this.teams.watch();
    this.rules.watch();
    return this;
  }

  observe(events: readonly RecordedEvent[]): void {
    for (const { streamId } of events) {
      this.stores.changed(streamId);
      this.teams.changed(streamId);
      this.rules.changed(streamId);
    }
  }

  async factsFor(storeId: string | null): Promise<RoutingFacts> {
    const teamReads = new Map<string, Promise<readonly string[]>>();
    const readTeam = (teamId: string) => {
      let read = teamReads.get(teamId);
      if (read === undefined) {
        read = mayGoUnused(this.membersOf(teamId));
        teamReads.set(teamId, read);
      }
      return read;
    };
    for (const teamId of teamsIn(this.rules.lastKnown())) readTeam(teamId);
    const [storeEntry, rules] = await Promise.all([
      storeId === null ? null : getStore(this.eventStore, storeId, { cache: this.stores }),
      this.rules.load(this.eventStore),
    ]);
    const teamIds = teamsIn(rules);
    const members = await Promise.all(teamIds.map(readTeam));
    return { storeEntry, rules, members: new Map(teamIds.map((id, i) => [id, members[i]])) };
  }

  private async membersOf(teamId: string): Promise<readonly string[]> {
    const team = await getTeam(this.eventStore, teamId, { cache: this.teams });
    return team?.current.memberIds ?? [];
  }
}
