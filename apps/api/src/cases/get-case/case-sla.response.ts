import { CaseSlaView, SLA_STATES, SlaState, TARGET_KINDS, TargetKind } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';

const TARGET_STATES = ['running', 'paused', 'met', 'breached'] as const;

export class CaseSlaTargetResponse {
  @ApiProperty({ enum: TARGET_KINDS, example: 'resolution' })
  target!: TargetKind;

  @ApiProperty({ example: 1, description: '1 for the first of its kind; a reopening adds one' })
  cycle!: number;

  @ApiProperty({ example: 0, description: '0: the policy’s own target; n: escalation level n’s' })
  escalationLevel!: number;

  @ApiProperty({ example: 'PT8H', description: 'ISO 8601 duration' })
  duration!: string;

  @ApiProperty({ enum: ['24x7', 'business'], example: 'business' })
  calendar!: '24x7' | 'business';

  @ApiProperty({
    example: '2026-12-05T09:55:00.000Z',
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Null while paused before it was due',
  })
  dueAt!: string | null;

  @ApiProperty({
    example: '2026-12-05T08:19:00.000Z',
    format: 'date-time',
    nullable: true,
    type: String,
  })
  warnAt!: string | null;

  @ApiProperty({
    example: 7_200_000,
    description:
      'Time left in the target’s calendar, ms (open hours only for business targets); negative once overdue',
  })
  leftMs!: number;

  @ApiProperty({ example: 0, description: 'Counted time that passed waiting for the customer, ms' })
  pausedMs!: number;

  @ApiProperty({ enum: TARGET_STATES, example: 'running' })
  state!: (typeof TARGET_STATES)[number];
}

export class SlaCountingResponse {
  @ApiProperty({ enum: ['calendar', '24x7'], example: 'calendar' })
  kind!: 'calendar' | '24x7';

  @ApiProperty({ example: 'Europe/Kyiv' })
  timeZone!: string;

  @ApiProperty({ example: 'odesa-shops', required: false })
  calendarId?: string;

  @ApiProperty({ example: 1, required: false })
  calendarVersion?: number;

  @ApiProperty({ example: '24x7 in Europe/Kyiv', required: false })
  note?: string;
}

/** Staff only: the terms the case opened under and each target as of the request. */
export class CaseSlaResponse {
  @ApiProperty({ example: 'shops' })
  policyId!: string;

  @ApiProperty({ example: 1, description: '0: the built-in default' })
  policySetVersion!: number;

  @ApiProperty({ type: SlaCountingResponse })
  counting!: SlaCountingResponse;

  @ApiProperty({
    enum: SLA_STATES,
    example: 'warning',
    nullable: true,
    description: 'Null once nothing is owed',
  })
  state!: SlaState | null;

  @ApiProperty({
    example: '2026-12-05T09:55:00.000Z',
    format: 'date-time',
    nullable: true,
    type: String,
  })
  nearestDueAt!: string | null;

  @ApiProperty({ example: 0 })
  escalationLevel!: number;

  @ApiProperty({ type: [CaseSlaTargetResponse] })
  targets!: CaseSlaTargetResponse[];
}

export const caseSlaResponse = (view: CaseSlaView): CaseSlaResponse => ({
  ...view,
  counting: { ...view.counting },
  targets: view.targets.map((t) => ({ ...t })),
});
