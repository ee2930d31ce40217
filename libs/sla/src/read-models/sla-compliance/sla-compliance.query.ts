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

/** The targets (under the recorded policies) due in [from, to), as compliance counts them. */
export async function targetsDueIn(
  dataSource: DataSource,
  period: Omit<CompliancePeriod, 'groupBy' | 'now'>,
): Promise<ComplianceTarget[]> {
  if (period.regionIds !== null && period.regionIds.length === 0) return [];
  const query = dataSource
    .getRepository(SlaComplianceTarget)
    .createQueryBuilder('t')
    .select([
      't.kind AS kind',
      't.cycle AS cycle',
      't.due_at AS due_at',
      't.state AS state',
      't.done_at AS done_at',
      't.business_ms AS business_ms',
      't.wall_clock_ms AS wall_clock_ms',
      't.store_id AS store_id',
      't.region_id AS region_id',
      't.team_id AS team_id',
      't.owner_id AS owner_id',
      't.policy_id AS policy_id',
    ])
    // ISO text of one width: text order is time order.
    .where('t.due_at >= :from AND t.due_at < :to', {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    });
  if (period.regionIds !== null) {
    query.andWhere('t.region_id IN (:...regionIds)', { regionIds: period.regionIds });
  }
  const rows = await query.getRawMany<TargetRaw>();
  return rows.map((r) => ({
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
  }));
}

/** Compliance over a period: per group and target kind, from the sla-compliance read model. */
export async function slaCompliance(
  dataSource: DataSource,
  period: CompliancePeriod,
): Promise<ComplianceGroup[]> {
  const targets = await targetsDueIn(dataSource, period);
  return complianceFigures(targets, period.groupBy, period.now.getTime());
}
