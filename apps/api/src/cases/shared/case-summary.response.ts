import { ActiveCase, CASE_STATUSES, CaseStatus, PRIORITIES, Priority } from '@heard/cases';
import { CaseView } from '@heard/cases/subscriptions';
import { SLA_STATES, SlaState } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** A case as lists and actions answer it; `version` is also sent as the ETag. */
export class CaseSummaryResponse {
  @ApiProperty({
    example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f',
    description: 'The id of the feedback that opened it',
  })
  caseId!: string;

  @ApiProperty({ enum: CASE_STATUSES, example: 'open' })
  status!: CaseStatus;

  @ApiProperty({ example: 'S-042', nullable: true, type: String })
  storeId!: string | null;

  @ApiProperty({ example: 'R-SOUTH', nullable: true, type: String })
  regionId!: string | null;

  @ApiProperty({ example: 'queue' })
  category!: string;

  @ApiProperty({ enum: PRIORITIES, example: 'normal' })
  priority!: Priority;

  @ApiProperty({
    example: 'M-42',
    nullable: true,
    type: String,
    description: 'Null while it waits in a queue',
  })
  ownerId!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  teamId!: string | null;

  @ApiProperty({
    example: 'C-1',
    nullable: true,
    type: String,
    description: 'Null for anonymous feedback',
  })
  customerId!: string | null;

  @ApiProperty({
    example: ['0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f'],
    type: [String],
    description: 'The opening feedback first, then the feedback it absorbed',
  })
  feedbackIds!: string[];

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' })
  openedAt!: string;

  @ApiProperty({
    example: '2026-11-23T10:00:00.000Z',
    format: 'date-time',
    description: 'The resolution deadline',
  })
  dueAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  acknowledgedAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  resolvedAt!: string | null;

  @ApiProperty({ example: 0 })
  escalationLevel!: number;

  @ApiProperty({ example: 2, description: 'The case stream version: send it back as If-Match' })
  version!: number;

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    enum: SLA_STATES,
    example: 'warning',
    nullable: true,
    required: false,
    description:
      'In lists, to staff: the SLA state as last recorded (null once nothing is owed, or before the SLA context recorded the terms)',
  })
  slaState?: SlaState | null;

  @ApiProperty({
    example: '2026-12-05T09:55:00.000Z',
    format: 'date-time',
    nullable: true,
    required: false,
    type: String,
    description:
      'In lists, to staff: when the nearest running SLA target is due; lists order by it',
  })
  nearestDueAt?: string | null;
}

export const caseSummaryOfState = (
  state: ActiveCase,
  version: number,
  updatedAt: string,
): CaseSummaryResponse => ({
  caseId: state.caseId,
  status: state.status,
  storeId: state.storeId,
  regionId: state.regionId,
  category: state.category,
  priority: state.priority,
  ownerId: state.ownerId,
  teamId: state.teamId,
  customerId: state.customerId,
  feedbackIds: [...state.feedbackIds],
  openedAt: state.openedAt,
  dueAt: state.dueAt,
  acknowledgedAt: state.acknowledgedAt,
  resolvedAt: state.resolvedAt,
  escalationLevel: state.escalationLevel,
  version,
  updatedAt,
});

export const caseSummaryOfRow = (row: CaseView): CaseSummaryResponse => ({
  caseId: row.caseId,
  status: row.status as CaseStatus,
  storeId: row.storeId,
  regionId: row.regionId,
  category: row.category,
  priority: row.priority as Priority,
  ownerId: row.ownerId,
  teamId: row.teamId,
  customerId: row.customerId,
  feedbackIds: JSON.parse(row.feedbackIds) as string[],
  openedAt: row.openedAt.toISOString(),
  dueAt: row.dueAt.toISOString(),
  acknowledgedAt: iso(row.acknowledgedAt),
  resolvedAt: iso(row.resolvedAt),
  escalationLevel: row.escalationLevel,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});
