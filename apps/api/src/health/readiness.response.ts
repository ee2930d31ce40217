import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

export class SubscriptionReadinessResponse {
  @ApiProperty({ example: 'case-inbox' })
  name!: string;

  @ApiProperty({ enum: ['projection', 'reactor'], example: 'projection' })
  kind!: 'projection' | 'reactor';

  @ApiProperty({
    enum: ['idle', 'running', 'retrying', 'stopped', 'failed'],
    example: 'running',
    description: '`retrying`: backing off after an error; `failed`: stopped for good',
  })
  state!: 'idle' | 'running' | 'retrying' | 'stopped' | 'failed';

  @ApiProperty({
    example: '4294967296',
    description: 'Global position of the last event applied (a 64-bit integer, as text)',
  })
  checkpoint!: string;

  @ApiProperty({ example: true, description: 'Caught up and waiting for new events' })
  live!: boolean;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0, nullable: true },
      { type: 'string', pattern: '^more than \\d+$' },
    ],
    example: 0,
    description:
      'Events in the log it has not applied yet; counted exactly up to a limit; null when the event store did not answer',
  })
  eventsBehind!: number | `more than ${number}` | null;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'What it is retrying, or what stopped it; null while it works',
  })
  error!: string | null;

  @ApiProperty({ example: 0, minimum: 0, description: 'Errors since the process started' })
  failures!: number;

  @ApiProperty({ example: null, nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  lastErrorAt!: string | null;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'While backing off: when the next attempt starts',
  })
  nextRetryAt!: string | null;
}

export class ReadinessResponse {
  @ApiProperty({
    enum: ['ready', 'catching_up', 'lagging', 'failing'],
    example: 'ready',
    description:
      '200: `ready` or `catching_up`; 503: `lagging` (more than READY_MAX_LAG_EVENTS behind) or `failing`',
  })
  status!: 'ready' | 'catching_up' | 'lagging' | 'failing';

  @ApiProperty({ type: [SubscriptionReadinessResponse] })
  subscriptions!: SubscriptionReadinessResponse[];

  @ApiPropertyOptional({
    example: 'connect ECONNREFUSED 127.0.0.1:5432',
    description: 'Why the event store could not be read, when it could not',
  })
  eventStoreError?: string;
}
