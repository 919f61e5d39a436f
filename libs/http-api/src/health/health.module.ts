import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness.js';

/** /health/live and /health/ready, the latter running every check the service lists. */
@Module({})
export class HealthModule {
  static register(checks: Type<ReadinessCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        ...checks,
        { provide: READINESS_CHECKS, useFactory: (...all: ReadinessCheck[]) => all, inject: checks },
      ],
    };
  }
}
