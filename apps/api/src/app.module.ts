import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from '@heard/http';
import { CasesModule } from './cases/cases.module';
import { CustomersModule } from './customers/customers.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthController } from './health/health.controller';
import { ImprovementsModule } from './improvements/improvements.module';
import { IntakeModule } from './intake/intake.module';
import { LoopRateModule } from './loop/loop-rate/loop-rate.module';
import {
  ObservabilityDependencies,
  ObservabilityModule,
} from './platform/observability/observability.module';
import { PlatformDependencies, PlatformModule } from './platform/platform.module';
import { NoticesModule } from './notices/notices.module';
import { SlaModule } from './sla/sla.module';

/** Feature modules are listed here; each owns its controllers, handlers and DTOs. */
const FEATURES: DynamicModule['imports'] = [
  DirectoryModule,
  IntakeModule,
  CasesModule,
  CustomersModule,
  SlaModule,
  LoopRateModule,
  ImprovementsModule,
  NoticesModule,
];

@Module({})
export class AppModule {
  static with(deps: PlatformDependencies, observability: ObservabilityDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.with(deps),
        ObservabilityModule.with(observability),
        CqrsModule.forRoot(),
        ...(FEATURES ?? []),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
