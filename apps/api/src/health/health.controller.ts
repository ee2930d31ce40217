import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@heard/event-store';
import { Public } from '@heard/http';
import { RunnerStatus } from '@heard/projections';
import { RunningSubscriptions } from '@heard/subscriptions';
import { ApiNoAuth } from '../openapi/api-no-auth.decorator';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { EVENT_STORE, SUBSCRIPTIONS } from '../platform/tokens';
import { HealthResponse, ReadinessResponse } from './readiness.response';

/** Lag is counted exactly up to this many events; beyond it the answer says "more than". */
const LAG_COUNT_LIMIT = 10_000;

interface SubscriptionReadiness {
  readonly name: string;
  readonly kind: RunnerStatus['kind'];
  readonly state: RunnerStatus['state'];
  readonly checkpoint: string;
  readonly live: boolean;
  readonly eventsBehind: number | `more than ${number}`;
  readonly error: string | null;
}

@ApiTags('health')
@ApiNoAuth()
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBSCRIPTIONS) private readonly subscriptions: RunningSubscriptions | null,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponse })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the event store answers, and how far each projection and reactor lags',
  })
  @ApiOkResponse({ type: ReadinessResponse, description: 'ready, or still catching up' })
  @ApiProblems({ 503: 'A projection or reactor has failed' })
  async ready(): Promise<{
    status: 'ready' | 'catching_up';
    subscriptions: SubscriptionReadiness[];
  }> {
    const statuses = this.subscriptions?.status() ?? [];
    const oldest = statuses.reduce<bigint | null>(
      (min, s) => (min === null || s.checkpoint < min ? s.checkpoint : min),
      null,
    );
    const ahead = await this.store.readAll({ after: oldest ?? 0n, limit: LAG_COUNT_LIMIT });
    const subscriptions = statuses.map((s) => {
      const behind = ahead.filter((e) => e.globalPosition > s.checkpoint).length;
      return {
        ...s,
        checkpoint: s.checkpoint.toString(),
        eventsBehind:
          behind === LAG_COUNT_LIMIT && !s.live
            ? (`more than ${LAG_COUNT_LIMIT}` as const)
            : behind,
      };
    });
    if (statuses.some((s) => s.state === 'failed')) {
      // Names only: /ready is public, and an error's text can quote the data that caused it.
      const failed = statuses.filter((s) => s.state === 'failed').map((s) => s.name);
      throw new ServiceUnavailableException(`failed: ${failed.join(', ')}`);
    }
    return {
      status: subscriptions.every((s) => s.eventsBehind === 0) ? 'ready' : 'catching_up',
      subscriptions,
    };
  }
}
