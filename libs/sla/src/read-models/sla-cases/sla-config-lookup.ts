import { EntityManager } from 'typeorm';
import { builtInPolicySetFor } from '../../domain/built-in-policy-set';
import { BusinessCalendar } from '../../domain/calendar';
import { SlaCalendar } from '../../domain/sla-clock';
import { SlaPolicySet } from '../../domain/sla-policy';
import { entryOfState } from '../../calendars/calendar-entry';
import { CalendarEvent } from '../../calendars/calendar.events';
import { evolveCalendar } from '../../calendars/calendar.evolve';
import { calendarStreamId, initialCalendarState } from '../../calendars/calendar.state';
import { slaPolicySetOf } from '../../policies/published-sla-policies';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import { SlaCaseTerms } from './sla-case-record';
import { SlaConfigVersion } from './sla-config-version.entity';

const MAX_ENTRIES = 2_000;
/**
 * Per database: a version's content never changes (so whichever table it was read from, the
 * entry is the same), but tests hold many databases at once.
 */
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

function remembered<T>(manager: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(manager.connection);
  if (cache === undefined) caches.set(manager.connection, (cache = new Map()));
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  return loading;
}

/** A table that keeps config versions whole: sla_config_version, or another projection's copy. */
export type ConfigVersionTable = new () => SlaConfigVersion;

async function configRow(
  manager: EntityManager,
  table: ConfigVersionTable,
  streamId: string,
  version: number,
): Promise<SlaConfigVersion> {
  const row = await manager.findOneBy(table, { streamId, version });
  // The log holds the publish before any case counted with it: a gap is a bug, not a wait.
  if (row === null) throw new Error(`${streamId} version ${version} is not in the SLA read model`);
  return row;
}

/** The policy set a case counts with, one object per version. */
export function policySetOfTerms(
  manager: EntityManager,
  terms: SlaCaseTerms,
  table: ConfigVersionTable = SlaConfigVersion,
): Promise<SlaPolicySet> {
  const version = terms.policySetVersion;
  if (version === 0) {
    const duration = terms.builtInResolution;
    return remembered(manager, `built-in@${duration}`, () =>
      Promise.resolve(builtInPolicySetFor(duration)),
    );
  }
  return remembered(manager, `${SLA_POLICIES_STREAM_ID}@${version}`, async () => {
    const row = await configRow(manager, table, SLA_POLICIES_STREAM_ID, version);
    const set = slaPolicySetOf([{ type: row.type, data: JSON.parse(row.data) }], version);
    if (set === null) throw new Error(`SLA policy set ${version} does not read back`);
    return set;
  });
}

/** The calendar a case counts with, one object per version (the clock's memo is keyed by it). */
export function calendarOfTerms(
  manager: EntityManager,
  terms: SlaCaseTerms,
  table: ConfigVersionTable = SlaConfigVersion,
): Promise<SlaCalendar> {
  const { calendarId, calendarVersion, timeZone } = terms;
  if (calendarId === null || calendarVersion === null) return Promise.resolve({ timeZone });
  const streamId = calendarStreamId(calendarId);
  return remembered(manager, `${streamId}@${calendarVersion}`, async () => {
    const row = await configRow(manager, table, streamId, calendarVersion);
    const event = { type: row.type, data: JSON.parse(row.data) } as CalendarEvent;
    const entry = entryOfState(evolveCalendar(initialCalendarState(), event), calendarVersion);
    return entry?.calendar ?? ({ timeZone } satisfies SlaCalendar);
  }) as Promise<BusinessCalendar | { timeZone: string }>;
}
