import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from '@heard/http';
import { HealthController } from './health/health.controller';
import { PlatformDependencies, PlatformModule } from './platform/platform.module';

/** Feature modules are listed here; each owns its controllers, handlers and DTOs. */
const FEATURES: DynamicModule['imports'] = [];

@Module({})
export class AppModule {
  static with(deps: PlatformDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.with(deps), CqrsModule.forRoot(), ...(FEATURES ?? [])],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
