import {
  DynamicModule,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { HeardMetrics, Logger, MetricsServer, serveMetrics } from '@heard/observability';
import { MetricsController } from './metrics.controller';

const OBSERVABILITY = Symbol('OBSERVABILITY');

export interface ObservabilityDependencies {
  readonly config: HeardConfig;
  readonly metrics: HeardMetrics;
  readonly log: Logger;
}

/** /metrics: on the API port, or with METRICS_PORT on a server of its own that lives as long as the app. */
@Module({})
export class ObservabilityModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: MetricsServer | null = null;

  constructor(@Inject(OBSERVABILITY) private readonly deps: ObservabilityDependencies) {}

  static with(deps: ObservabilityDependencies): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: deps.config.metricsPort === null ? [MetricsController] : [],
      providers: [
        { provide: OBSERVABILITY, useValue: deps },
        { provide: HeardMetrics, useValue: deps.metrics },
      ],
    };
  }

  /** Where /metrics answers apart from the API; null when it is on the API port. */
  get metricsPort(): number | null {
    return this.server?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, metrics, log } = this.deps;
    if (config.metricsPort === null) return;
    this.server = await serveMetrics(metrics, config.metricsPort, config.host);
    log.info({ port: this.server.port }, `metrics on port ${this.server.port} (/metrics)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
