import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HeardConfig, READY_LAG_COUNT_LIMIT } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { describeError } from '@heard/projections';
import { Public } from '@heard/http';
import { RunningSubscriptions } from '@heard/subscriptions';
import { HEARD_CONFIG, STORED_EVENTS, SUBSCRIPTIONS } from '../platform/tokens';
import { isReady, readiness } from './readiness';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(STORED_EVENTS) private readonly store: EventStore,
    @Inject(SUBSCRIPTIONS) private readonly subscriptions: RunningSubscriptions | null,
    @Inject(HEARD_CONFIG) private readonly config: HeardConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers, whatever its subscriptions do' })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: the event store answers, and how far each projection and reactor lags, with its errors',
  })
  @ApiResponse({ status: 200, description: 'ready, or catching up within READY_MAX_LAG_EVENTS' })
  @ApiResponse({
    status: 503,
    description: 'a subscription is failing, or more than READY_MAX_LAG_EVENTS behind',
  })
  async ready(@Res() response: unknown): Promise<void> {
    const statuses = this.subscriptions?.status() ?? [];
    const oldest = statuses.reduce<bigint | null>(
      (min, s) => (min === null || s.checkpoint < min ? s.checkpoint : min),
      null,
    );
    // With no subscriptions here, one event read still says whether the event store answers.
    const ahead = await this.store
      .readAll({ after: oldest ?? 0n, limit: oldest === null ? 1 : READY_LAG_COUNT_LIMIT + 1 })
      .catch((error: unknown) => ({ error: describeError(error) }));
    const answer = readiness(statuses, ahead, READY_LAG_COUNT_LIMIT, this.config.readyMaxLagEvents);
    // Not an exception: the problem-details filter would drop the body and log a 5xx per probe.
    this.adapterHost.httpAdapter.reply(
      response,
      answer,
      isReady(answer) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
