import { ComplianceGroup, ComplianceGroupBy, Percentiles, TargetFigures } from '@heard/sla';
import { COMPLIANCE_GROUP_BY } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';

export class PercentilesResponse {
  @ApiProperty({ example: 5_400_000, nullable: true, type: Number, description: 'ms' })
  median!: number | null;

  @ApiProperty({ example: 20_700_000, nullable: true, type: Number, description: 'ms' })
  p90!: number | null;
}

export class TargetFiguresResponse {
  @ApiProperty({
    example: 40,
    description: 'Targets due in the period (what-if: of the cases opened in it)',
  })
  due!: number;

  @ApiProperty({ example: 34 })
  met!: number;

  @ApiProperty({ example: 5, description: 'Breached, or still open past their due time' })
  breached!: number;

  @ApiProperty({
    example: 0.8718,
    nullable: true,
    type: Number,
    description: 'met / (met + breached); null while none is decided',
  })
  shareMet!: number | null;

  @ApiProperty({
    example: 39,
    description: 'Targets whose ask happened (late ones too): the times are counted over these',
  })
  measured!: number;

  @ApiProperty({
    type: () => PercentilesResponse,
    description:
      "Time from the target's start to its response, update or resolution in the store's open hours (its calendar; 24x7 without one), time awaiting the customer left out",
  })
  businessMs!: PercentilesResponse;

  @ApiProperty({ type: () => PercentilesResponse, description: 'The same, every millisecond' })
  wallClockMs!: PercentilesResponse;
}

export class ComplianceTargetsResponse {
  @ApiProperty({ type: () => TargetFiguresResponse, description: 'Time to first response' })
  firstResponse!: TargetFiguresResponse;

  @ApiProperty({ type: () => TargetFiguresResponse, description: 'Time between public updates' })
  nextUpdate!: TargetFiguresResponse;

  @ApiProperty({ type: () => TargetFiguresResponse, description: 'Time to resolution' })
  resolution!: TargetFiguresResponse;
}

export class ComplianceGroupResponse {
  @ApiProperty({
    example: 'S-042',
    nullable: true,
    type: String,
    description: 'The store, region, team, owner or policy id; null for cases without one',
  })
  key!: string | null;

  @ApiProperty({ type: () => ComplianceTargetsResponse })
  targets!: ComplianceTargetsResponse;
}

export class SlaComplianceResponse {
  @ApiProperty({ example: '2026-10-31T22:00:00.000Z', format: 'date-time' })
  from!: string;

  @ApiProperty({ example: '2026-11-30T22:00:00.000Z', format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: COMPLIANCE_GROUP_BY, example: 'store' })
  groupBy!: ComplianceGroupBy;

  @ApiProperty({
    example: '2026-12-01T09:00:00.000Z',
    format: 'date-time',
    description: 'Targets still open past their due time as of this instant count as breached',
  })
  asOf!: string;

  @ApiProperty({ type: () => [ComplianceGroupResponse], description: 'In key order, null last' })
  groups!: ComplianceGroupResponse[];
}

export class WhatIfResponse {
  @ApiProperty({ example: '2026-10-31T22:00:00.000Z', format: 'date-time' })
  from!: string;

  @ApiProperty({ example: '2026-11-30T22:00:00.000Z', format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: COMPLIANCE_GROUP_BY, example: 'store' })
  groupBy!: ComplianceGroupBy;

  @ApiProperty({ example: '2026-12-01T09:00:00.000Z', format: 'date-time' })
  asOf!: string;

  @ApiProperty({ example: 1200, description: 'Cases opened in the period that were replayed' })
  cases!: number;

  @ApiProperty({
    type: () => [ComplianceGroupResponse],
    description: 'The cases as they were counted, under the policies they opened under',
  })
  actual!: ComplianceGroupResponse[];

  @ApiProperty({
    type: () => [ComplianceGroupResponse],
    description: 'The same cases under the draft',
  })
  draft!: ComplianceGroupResponse[];
}

const percentiles = (p: Percentiles): PercentilesResponse => ({ median: p.median, p90: p.p90 });

const figures = (f: TargetFigures): TargetFiguresResponse => ({
  ...f,
  businessMs: percentiles(f.businessMs),
  wallClockMs: percentiles(f.wallClockMs),
});

export const presentGroups = (groups: readonly ComplianceGroup[]): ComplianceGroupResponse[] =>
  groups.map((g) => ({
    key: g.key,
    targets: {
      firstResponse: figures(g.targets.firstResponse),
      nextUpdate: figures(g.targets.nextUpdate),
      resolution: figures(g.targets.resolution),
    },
  }));
