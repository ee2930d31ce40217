import type { EventStore, RecordedEvent } from '@heard/event-store';
import { BusinessCalendar } from '../domain/calendar';
import { SlaPolicySet } from '../domain/sla-policy';
import { calendarStreamId } from '../calendars/calendar.state';
import { loadBusinessCalendar } from '../calendars/load-calendar.query';
import { loadSlaPolicySet } from '../policies/load-sla-policies.query';
import { SLA_POLICIES_STREAM_ID } from '../policies/sla-policies.state';

/** Bounded like the directory caches: versions never change, so an entry is never stale. */
const MAX_ENTRIES = 2_000;

const versionBefore = (history: readonly RecordedEvent[], position: bigint): number =>
  history.filter((e) => e.globalPosition < position).length;

/**
 * Policy sets and calendars by version, kept once each: the clock's calendar memo is keyed by
 * the calendar object, so every case counting with one calendar version must share it.
 */
export class SlaSources {
  private readonly sets = new Map<number, Promise<SlaPolicySet | null>>();
  private readonly calendars = new Map<string, Promise<BusinessCalendar | null>>();

  /** `builtIn` is version 0: `builtInPolicySet(CASE_TARGET_HOURS)`. */
  constructor(
    private readonly store: EventStore,
    private readonly builtIn: SlaPolicySet,
  ) {}

  policySet(version: number): Promise<SlaPolicySet | null> {
    if (version === 0) return Promise.resolve(this.builtIn);
    return remember(this.sets, version, () => loadSlaPolicySet(this.store, version));
  }

  calendar(calendarId: string, version: number): Promise<BusinessCalendar | null> {
    return remember(this.calendars, `${calendarId}@${version}`, () =>
      loadBusinessCalendar(this.store, calendarId, version),
    );
  }

  /** The policy set version live just before `position` of the global log (0: none published). */
  async policySetVersionBefore(position: bigint): Promise<number> {
    return versionBefore(await this.store.readStream(SLA_POLICIES_STREAM_ID), position);
  }

  /** The calendar's version just before `position`; 0 if it did not exist yet. */
  async calendarVersionBefore(calendarId: string, position: bigint): Promise<number> {
    return versionBefore(await this.store.readStream(calendarStreamId(calendarId)), position);
  }
}

function remember<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as K);
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  return loading;
}
