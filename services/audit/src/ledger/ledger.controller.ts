import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { verifyLedger, type VerificationReport } from './ledger-verifier.js';

@ApiTags('ledger')
@ApiBearerAuth()
@Roles('auditor', 'manager')
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointStore,
  ) {}

  @Get('verification')
  @ApiOperation({ summary: "Walk my authority's chain against its signed checkpoints; report the first broken link" })
  verification(@CurrentCaller() caller: Caller): Promise<VerificationReport> {
    return verifyLedger((sql, params) => this.dataSource.query(sql, params), caller.tenant, this.checkpoints);
  }

  @Get('checkpoints')
  @ApiOperation({ summary: "My authority's signed checkpoints, oldest first, and the key id that signs them" })
  async list(@CurrentCaller() caller: Caller) {
    return { keyId: this.checkpoints.keyId, checkpoints: await this.checkpoints.list(caller.tenant) };
  }
}
