import { LOOP_RATE_GROUPS, LoopRateGroupBy } from '@heard/loop';
import { ApiProperty } from '@nestjs/swagger';

export class LoopShareResponse {
  @ApiProperty({ example: 40, description: 'Feedback items counted' })
  feedback!: number;

  @ApiProperty({ example: 31, description: 'Of those, the items whose author was told' })
  told!: number;

  @ApiProperty({
    example: 0.775,
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'told / feedback; null when there was no feedback to count',
  })
  share!: number | null;

  @ApiProperty({
    example: 93_600_000,
    nullable: true,
    type: Number,
    description:
      'Median time from the feedback being received to the notice being sent, ms, over the told items; null when none was told',
  })
  medianMsToNotice!: number | null;
}

export class LoopRateFiguresResponse {
  @ApiProperty({
    type: LoopShareResponse,
    description:
      'Negative feedback (a complaint, a review of 1-2 stars, an NPS detractor): told the resolution of its case',
  })
  resolution!: LoopShareResponse;

  @ApiProperty({
    type: LoopShareResponse,
    description:
      'Feedback linked to a shipped improvement, once per improvement: its author sent the "you changed this" notice',
  })
  improvement!: LoopShareResponse;
}

export class LoopRateGroupResponse extends LoopRateFiguresResponse {
  @ApiProperty({
    example: 'S-042',
    nullable: true,
    type: String,
    description:
      'The store id, region id or channel; null for feedback without a store, or of a store in no region',
  })
  group!: string | null;
}

export class LoopRateResponse {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z', format: 'date-time' })
  from!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: LOOP_RATE_GROUPS, example: 'store' })
  groupBy!: LoopRateGroupBy;

  @ApiProperty({ type: [LoopRateGroupResponse], description: 'By group, those without one last' })
  groups!: LoopRateGroupResponse[];

  @ApiProperty({
    type: LoopRateFiguresResponse,
    description: 'All the feedback the caller may see in the period',
  })
  overall!: LoopRateFiguresResponse;
}
