import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { oldestCheckpoint } from '@heard/observability';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HeardConfig, READY_LAG_COUNT_LIMIT } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { describeError } from '@heard/projections';
import { Public } from '@heard/http';
import { RunningSubscriptions } from '@heard/subscriptions';
import { HEARD_CONFIG, STORED_EVENTS, SUBSCRIPTIONS } from '../platform/tokens';
import { isReady, readiness } from './readiness';
import { ApiNoAuth } from '../openapi/api-no-auth.decorator';
import { HealthResponse, ReadinessResponse } from './readiness.response';

@ApiTags('health')
@ApiNoAuth()
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
  @ApiOkResponse({ type: HealthResponse })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: the event store answers, and how far each projection and reactor lags, with its errors',
  })
  @ApiOkResponse({
    type: ReadinessResponse,
    description: 'ready, or catching up within READY_MAX_LAG_EVENTS',
  })
  @ApiResponse({
    status: 503,
    type: ReadinessResponse,
    description: 'a subscription is failing, or more than READY_MAX_LAG_EVENTS behind',
  })
  async ready(@Res() response: unknown): Promise<void> {
    const statuses = this.subscriptions?.status() ?? [];
    // With no subscriptions here, one event read still says whether the event store answers.
    const limit = statuses.length === 0 ? 1 : READY_LAG_COUNT_LIMIT + 1;
    const ahead = await this.store
      .readAll({ after: oldestCheckpoint(statuses), limit })
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
