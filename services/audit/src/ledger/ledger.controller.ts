import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag } from '@baton/http-api';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { LedgerMetrics } from './ledger-metrics.js';
import { CheckpointListView, VerificationReportView } from './ledger.responses.js';
import { verifyLedger, type VerificationReport } from './ledger-verifier.js';

export class VerificationQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  deep?: boolean;
}

@ApiTag('ledger', 'The tamper-evident ledger: entries, checkpoints and verification')
@ApiBearerAuth()
@Roles('auditor', 'manager')
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointStore,
    private readonly metrics: LedgerMetrics,
  ) {}

  @Get('verification')
  @ApiOperation({ summary: "Walk my authority's chain against its signed checkpoints; report the first broken link" })
  @ApiQuery({ name: 'deep', required: false, description: 'Also re-derive every lookup column from its entry' })
  @ApiSuccess(200, { description: 'The verdict, with the first broken link if any', type: VerificationReportView })
  @ApiProblems(403)
  async verification(@CurrentCaller() caller: Caller, @Query() q: VerificationQueryDto): Promise<VerificationReport> {
    const query = (sql: string, params: unknown[]) => this.dataSource.query(sql, params);
    const report = await verifyLedger(query, caller.tenant, this.checkpoints, { deep: q.deep === true });
    this.metrics.verified(caller.tenant, report.ok);
    return report;
  }

  @Get('checkpoints')
  @ApiOperation({ summary: "My authority's signed checkpoints, oldest first, and the key id that signs them" })
  @ApiSuccess(200, { description: 'The checkpoints and the signing key id', type: CheckpointListView })
  @ApiProblems(403)
  async list(@CurrentCaller() caller: Caller) {
    return { keyId: this.checkpoints.keyId, checkpoints: await this.checkpoints.list(caller.tenant) };
  }
}
