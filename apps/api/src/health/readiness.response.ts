import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

export class SubscriptionReadinessResponse {
  @ApiProperty({ example: 'case-inbox' })
  name!: string;

  @ApiProperty({ enum: ['projection', 'reactor'], example: 'projection' })
  kind!: 'projection' | 'reactor';

  @ApiProperty({ enum: ['idle', 'running', 'stopped', 'failed'], example: 'running' })
  state!: 'idle' | 'running' | 'stopped' | 'failed';

  @ApiProperty({
    example: '4294967296',
    description: 'Global position of the last event applied (a 64-bit integer, as text)',
  })
  checkpoint!: string;

  @ApiProperty({ example: true, description: 'Caught up and waiting for new events' })
  live!: boolean;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: '^more than \\d+$' },
    ],
    example: 0,
    description: 'Events in the log it has not applied yet; counted exactly up to a limit',
  })
  eventsBehind!: number | `more than ${number}`;

  @ApiProperty({ example: null, nullable: true, type: String })
  error!: string | null;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'catching_up'], example: 'ready' })
  status!: 'ready' | 'catching_up';

  @ApiProperty({ type: [SubscriptionReadinessResponse] })
  subscriptions!: SubscriptionReadinessResponse[];
}
