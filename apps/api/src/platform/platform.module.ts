import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { Clock, EventStore } from '@heard/event-store';
import { JwtVerifier } from '@heard/http';
import { RunningSubscriptions } from '@heard/subscriptions';
import { DataSource } from 'typeorm';
import { CLOCK, EVENT_STORE, HEARD_CONFIG, READ_MODELS, SUBSCRIPTIONS } from './tokens';

export interface PlatformDependencies {
  readonly config: HeardConfig;
  readonly store: EventStore;
  readonly readModels: DataSource;
  readonly clock: Clock;
  /** Null when another process (the worker) runs projections and reactors. */
  readonly subscriptions: RunningSubscriptions | null;
}

/** The ports every feature module injects, built once by `createApp` and closed on shutdown. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(SUBSCRIPTIONS) private readonly subscriptions: RunningSubscriptions | null,
  ) {}

  static with(deps: PlatformDependencies) {
    const verifier = JwtVerifier.fromSettings(deps.config);
    const providers = [
      { provide: HEARD_CONFIG, useValue: deps.config },
      { provide: EVENT_STORE, useValue: deps.store },
      { provide: READ_MODELS, useValue: deps.readModels },
      { provide: CLOCK, useValue: deps.clock },
      { provide: SUBSCRIPTIONS, useValue: deps.subscriptions },
      { provide: JwtVerifier, useValue: verifier },
    ];
    return { module: PlatformModule, providers, exports: providers.map((p) => p.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    // Subscriptions first: they write to both stores.
    await this.subscriptions?.stop();
    await this.store.close();
    if (this.readModels.isInitialized) await this.readModels.destroy();
    this.logger.log('closed the event store and read models');
  }
}
