import { DataSource } from 'typeorm';
import { ComplianceGroup, ComplianceTally } from '../../domain/compliance/compliance-figures';
import { ReplayedCase, replayCase } from '../../domain/compliance/replay-case';
import { SlaCalendar } from '../../domain/sla-clock';
import { SlaFact } from '../../domain/sla-fact';
import { SlaPolicySet } from '../../domain/sla-policy';
import { ValidPolicies } from '../../policies/validate-policy-set';
import { SlaCaseTerms } from '../../read-models/sla-cases/sla-case-record';
import { calendarOfTerms } from '../../read-models/sla-cases/sla-config-lookup';
import { SlaComplianceCase } from '../../read-models/sla-compliance/sla-compliance-case.entity';
import { SlaComplianceConfig } from '../../read-models/sla-compliance/sla-compliance-config.entity';
import {
  CompliancePeriod,
  targetsOfCases,
} from '../../read-models/sla-compliance/sla-compliance.query';
import { ComplianceCaseRecord } from '../../read-models/sla-compliance/compliance-case-record';
import { groupKeysOf } from '../../read-models/sla-compliance/sla-compliance.rows';

/** A draft was never published: it has no version of its own. */
export const DRAFT_POLICY_SET_VERSION = -1;

export interface WhatIfRequest extends CompliancePeriod {
  /** Validated as a publish would be. */
  readonly draft: ValidPolicies;
  /** Cases read at a time (default 5,000). */
  readonly pageSize?: number;
}

export interface WhatIfAnswer {
  /** Cases opened in the period that the replay counted. */
  readonly cases: number;
  /** Their targets under the policies they opened under, as recorded. */
  readonly actual: readonly ComplianceGroup[];
  /** The same histories under the draft. */
  readonly draft: readonly ComplianceGroup[];
}

const PAGE_SIZE = 5_000;

/**
 * The cases opened in [from, to) as they were counted (their targets in the sla-compliance read
 * model, as compliance counts them) and their recorded histories replayed under a draft, as of
 * `now`, by the pure clock with the outcomes of the recorded policies (breaches, escalations) left
 * out. The two agree where the policies do: a target the recorded clock saw breach or escalate is
 * breached in a replay too, by its due time, and its time taken runs to the resolution either way.
 * Reads the compact per-case facts a page at a time; writes nothing.
 */
export async function slaWhatIf(
  dataSource: DataSource,
  request: WhatIfRequest,
): Promise<WhatIfAnswer> {
  const draftSet: SlaPolicySet = { version: DRAFT_POLICY_SET_VERSION, ...request.draft };
  const now = request.now;
  const actual = new ComplianceTally(request.groupBy, now.getTime());
  const draft = new ComplianceTally(request.groupBy, now.getTime());
  const calendars = new Map<string, Promise<SlaCalendar>>();
  const calendarOf = (t: SlaCaseTerms) => {
    const key = `${t.calendarId}@${t.calendarVersion}|${t.timeZone}`;
    let found = calendars.get(key);
    if (found === undefined) {
      found = calendarOfTerms(dataSource.manager, t, SlaComplianceConfig);
      calendars.set(key, found);
    }
    return found;
  };
  let cases = 0;
  for await (const page of casesOpenedIn(dataSource, request, request.pageSize ?? PAGE_SIZE)) {
    const counted = page.filter((record) => record.terms !== null);
    cases += counted.length;
    const recorded = started(
      targetsOfCases(
        dataSource,
        counted.map((record) => record.caseId),
      ),
    );
    for (const record of counted) {
      const calendar = await calendarOf(record.terms as SlaCaseTerms);
      collect(draft, record, replayCase(record.facts, draftSet, calendar, now));
    }
    for (const target of await recorded) actual.add(target, target.groups);
  }
  return { cases, actual: actual.groups(), draft: draft.groups() };
}

function collect(
  into: ComplianceTally,
  record: ComplianceCaseRecord,
  replayed: ReplayedCase | null,
): void {
  if (replayed === null) return;
  const groups = groupKeysOf(record, replayed.policyId);
  for (const target of replayed.targets) into.add(target, groups);
}

interface CaseRaw {
  case_id: string;
  opened_at: string;
  store_id: string | null;
  region_id: string | null;
  team_id: string | null;
  owner_id: string | null;
  facts: string;
  policy_id: string | null;
  policy_set_version: number | null;
  built_in_resolution: string | null;
  calendar_id: string | null;
  calendar_version: number | null;
  time_zone: string | null;
}

const COLUMNS = [
  'case_id',
  'opened_at',
  'store_id',
  'region_id',
  'team_id',
  'owner_id',
  'facts',
  'policy_id',
  'policy_set_version',
  'built_in_resolution',
  'calendar_id',
  'calendar_version',
  'time_zone',
];

/** Raw columns, not entities: a what-if reads a hundred thousand rows and keeps none. */
function recordOfRaw(r: CaseRaw): ComplianceCaseRecord {
  const version = r.policy_set_version === null ? null : Number(r.policy_set_version);
  return {
    caseId: r.case_id,
    version: 0,
    openedAt: r.opened_at,
    storeId: r.store_id,
    regionId: r.region_id,
    teamId: r.team_id,
    ownerId: r.owner_id,
    facts: JSON.parse(r.facts) as SlaFact[],
    terms:
      r.policy_id === null || version === null || r.time_zone === null
        ? null
        : {
            policyId: r.policy_id,
            policySetVersion: version,
            builtInResolution: r.built_in_resolution,
            calendarId: r.calendar_id,
            calendarVersion: r.calendar_version === null ? null : Number(r.calendar_version),
            timeZone: r.time_zone,
          },
  };
}

/** Kept for a later await; observed now, so that a fold that throws first leaves no rejection unhandled. */
function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Keyset pages of the cases opened in the period, in the scope asked for; the next page is asked
 * for while the caller folds this one (on PostgreSQL the server works meanwhile).
 */
async function* casesOpenedIn(
  dataSource: DataSource,
  period: CompliancePeriod,
  pageSize: number,
): AsyncGenerator<ComplianceCaseRecord[]> {
  if (period.regionIds !== null && period.regionIds.length === 0) return;
  const pageAfter = (after: CaseRaw | null): Promise<CaseRaw[]> => {
    const query = dataSource
      .getRepository(SlaComplianceCase)
      .createQueryBuilder('c')
      .select(COLUMNS.map((column) => `c.${column} AS ${column}`))
      // ISO text of one width: text order is time order.
      .where('c.opened_at >= :from AND c.opened_at < :to', {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
      });
    if (period.regionIds !== null) {
      query.andWhere('c.region_id IN (:...regionIds)', { regionIds: period.regionIds });
    }
    if (after !== null) {
      query.andWhere(
        '(c.opened_at > :afterAt OR (c.opened_at = :afterAt AND c.case_id > :afterId))',
        { afterAt: after.opened_at, afterId: after.case_id },
      );
    }
    return query
      .orderBy('c.opened_at', 'ASC')
      .addOrderBy('c.case_id', 'ASC')
      .limit(pageSize)
      .getRawMany<CaseRaw>();
  };
  let next: Promise<CaseRaw[]> | null = started(pageAfter(null));
  while (next !== null) {
    const page: CaseRaw[] = await next;
    next = page.length === pageSize ? started(pageAfter(page[page.length - 1])) : null;
    if (page.length > 0) yield page.map(recordOfRaw);
  }
}
