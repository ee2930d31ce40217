import { DataSource } from 'typeorm';
import {
  ComplianceGroup,
  ComplianceGroupBy,
  ComplianceTarget,
  complianceFigures,
} from '../../domain/compliance/compliance-figures';
import { TargetState } from '../../domain/sla-clock-result';
import { TargetKind } from '../../domain/sla-policy';
import { SlaComplianceTarget } from './sla-compliance-target.entity';

export interface CompliancePeriod {
  readonly from: Date;
  readonly to: Date;
  readonly groupBy: ComplianceGroupBy;
  /** Only cases of these regions (a region lead's); null: every case. */
  readonly regionIds: readonly string[] | null;
  /** What a target still open past its due time counts as missed by. */
  readonly now: Date;
}

interface TargetRaw {
  kind: string;
  cycle: number;
  due_at: string | null;
  state: string;
  done_at: string | null;
  business_ms: string | number | null;
  wall_clock_ms: string | number | null;
  store_id: string | null;
  region_id: string | null;
  team_id: string | null;
  owner_id: string | null;
  policy_id: string | null;
}

const msOf = (value: string | number | null) => (value === null ? null : Number(value));
const instantOf = (value: string | null) => (value === null ? null : Date.parse(value));

const TARGET_COLUMNS = [
  'kind',
  'cycle',
  'due_at',
  'state',
  'done_at',
  'business_ms',
  'wall_clock_ms',
  'store_id',
  'region_id',
  'team_id',
  'owner_id',
  'policy_id',
].map((column) => `t.${column} AS ${column}`);

const targetOfRaw = (r: TargetRaw): ComplianceTarget => ({
  kind: r.kind as TargetKind,
  cycle: Number(r.cycle),
  dueAt: instantOf(r.due_at),
  state: r.state as TargetState,
  doneAt: instantOf(r.done_at),
  businessMs: msOf(r.business_ms),
  wallClockMs: msOf(r.wall_clock_ms),
  groups: {
    store: r.store_id,
    region: r.region_id,
    team: r.team_id,
    owner: r.owner_id,
    policy: r.policy_id,
  },
});

/**
 * The recorded targets of these cases, as compliance counts them. The ids go as one parameter (an
 * array on PostgreSQL, a JSON array on SQLite): a what-if asks for thousands at a time, and a
 * placeholder each would cost more than the rows.
 */
export async function targetsOfCases(
  dataSource: DataSource,
  caseIds: readonly string[],
): Promise<ComplianceTarget[]> {
  if (caseIds.length === 0) return [];
  const table = dataSource.getMetadata(SlaComplianceTarget).tablePath;
  const postgres = dataSource.options.type === 'postgres';
  const ids = postgres ? 't.case_id = ANY($1)' : 't.case_id IN (SELECT value FROM json_each(?))';
  const rows = (await dataSource.query(
    `SELECT ${TARGET_COLUMNS.join(', ')} FROM ${table} t WHERE ${ids}`,
    [postgres ? caseIds : JSON.stringify(caseIds)],
  )) as TargetRaw[];
  return rows.map(targetOfRaw);
}

/** The targets (under the recorded policies) due in [from, to), as compliance counts them. */
export async function targetsDueIn(
  dataSource: DataSource,
  period: Omit<CompliancePeriod, 'groupBy' | 'now'>,
): Promise<ComplianceTarget[]> {
  if (period.regionIds !== null && period.regionIds.length === 0) return [];
  const query = dataSource
    .getRepository(SlaComplianceTarget)
    .createQueryBuilder('t')
    .select(TARGET_COLUMNS)
    // ISO text of one width: text order is time order.
    .where('t.due_at >= :from AND t.due_at < :to', {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    });
  if (period.regionIds !== null) {
    query.andWhere('t.region_id IN (:...regionIds)', { regionIds: period.regionIds });
  }
  const rows = await query.getRawMany<TargetRaw>();
  return rows.map(targetOfRaw);
}

/** Compliance over a period: per group and target kind, from the sla-compliance read model. */
export async function slaCompliance(
  dataSource: DataSource,
  period: CompliancePeriod,
): Promise<ComplianceGroup[]> {
  const targets = await targetsDueIn(dataSource, period);
  return complianceFigures(targets, period.groupBy, period.now.getTime());
}
