import { Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { messagingMigrations } from '@baton/messaging';
import { ServiceInfrastructure } from '@baton/service-host';
import { TenantDirectory } from '@baton/tenancy';
import { CHECKPOINT_INTERVAL, CheckpointJob } from './checkpoint/checkpoint.job.js';
import { CheckpointStore } from './checkpoint/checkpoint-store.js';
import type { AuditConfig } from './config/audit.config.js';
import { LedgerConsumer } from './ledger/ledger.consumer.js';
import { LedgerController } from './ledger/ledger.controller.js';
import { LedgerMetrics } from './ledger/ledger-metrics.js';
import { LedgerErasure } from './ledger/ledger-erasure.js';
import { LedgerWriter } from './ledger/ledger-writer.js';
import { CreateLedger1763900000600 } from './migrations/1763900000600-create-ledger.js';
import { LedgerErasableContent1765000000600 } from './migrations/1765000000600-ledger-erasable-content.js';
import { ReportFacts1765000000700 } from './migrations/1765000000700-report-facts.js';
import { OversightController } from './oversight/oversight.controller.js';
import { OversightQueries } from './oversight/oversight-queries.js';
import { PARENTING_BASE_URL, ReportsController } from './reports/reports.controller.js';
import { ReportData } from './reports/report-data.js';

export interface AuditModuleOptions {
  config: AuditConfig;
  tenants: TenantDirectory;
  checkpoints: CheckpointStore;
  /** Tests pass a settable clock; the service uses the real one. */
  clock?: Clock;
}

export const AUDIT_MIGRATIONS: (new () => MigrationInterface)[] = [
  ...messagingMigrations,
  CreateLedger1763900000600,
  LedgerErasableContent1765000000600,
  ReportFacts1765000000700,
];

/** The audit service: the tamper-evident ledger, oversight queries and statutory reports. */
@Module({})
export class AuditModule {
  static register({ config, tenants, checkpoints, clock }: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      imports: [ServiceInfrastructure.register({ service: 'audit', config, migrations: AUDIT_MIGRATIONS })],
      controllers: [LedgerConsumer, LedgerController, OversightController, ReportsController],
      providers: [
        { provide: TenantDirectory, useValue: tenants },
        { provide: WorkingDayCalendar, useValue: WorkingDayCalendar.england() },
        { provide: Clock, useValue: clock ?? new Clock() },
        { provide: CheckpointStore, useValue: checkpoints },
        { provide: CHECKPOINT_INTERVAL, useValue: config.CHECKPOINT_INTERVAL_MS },
        { provide: PARENTING_BASE_URL, useValue: config.PARENTING_BASE_URL },
        AccessRecorder,
        LedgerWriter,
        LedgerErasure,
        LedgerMetrics,
        CheckpointJob,
        OversightQueries,
        ReportData,
      ],
    };
  }
}
