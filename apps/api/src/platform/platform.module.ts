import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { HeardConfig } from '@heard/config';
import { DataKeyTable, PersonalDataPort } from '@heard/customers';
import { Clock, EventStore } from '@heard/event-store';
import { JwtVerifier } from '@heard/http';
import { RunningSubscriptions } from '@heard/subscriptions';
import { DataSource } from 'typeorm';
import {
  CLOCK,
  DATA_KEYS,
  EVENT_STORE,
  HEARD_CONFIG,
  PERSONAL_DATA,
  READ_MODELS,
  STORED_EVENTS,
  SUBSCRIPTIONS,
} from './tokens';

export interface PlatformDependencies {
  readonly config: HeardConfig;
  readonly store: EventStore;
  /** The same log unopened: counting lag need not open anyone's personal data. */
  readonly storedEvents: EventStore;
  readonly readModels: DataSource;
  readonly clock: Clock;
  /** Null when another process (the worker) runs projections and reactors. */
  readonly subscriptions: RunningSubscriptions | null;
  /** The customers context's port: seals, opens and forgets personal data. */
  readonly personal: PersonalDataPort;
  /** Where data keys live: erasure makes deleted ones gone from its files too. */
  readonly keys: DataKeyTable;
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
      { provide: STORED_EVENTS, useValue: deps.storedEvents },
      { provide: READ_MODELS, useValue: deps.readModels },
      { provide: CLOCK, useValue: deps.clock },
      { provide: SUBSCRIPTIONS, useValue: deps.subscriptions },
      { provide: PERSONAL_DATA, useValue: deps.personal },
      { provide: DATA_KEYS, useValue: deps.keys },
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
