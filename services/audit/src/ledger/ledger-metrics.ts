import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';

/**
 * The ledger for Prometheus, per tenant: entries appended (the chain's head, read at scrape time, so it never counts
 * an append that rolled back), when the latest signed checkpoint was taken, and what each verification found.
 */
@Injectable()
export class LedgerMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger(LedgerMetrics.name);
  private readonly lastCheckpoint: Gauge<'tenant'>;
  private readonly verifications: Counter<'tenant' | 'outcome'>;
  private readonly lastVerificationOk: Gauge<'tenant'>;

  constructor(
    registry: Registry,
    private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointStore,
  ) {
    const registers = [registry];
    new Counter({
      name: 'baton_ledger_appends_total',
      help: "Entries appended to the tenant's ledger chain (its head's position)",
      labelNames: ['tenant'],
      registers,
      async collect() {
        const heads = await dataSource.query<{ tenant: string; seq: string }[]>('SELECT tenant, seq FROM ledger_head');
        this.reset();
        for (const head of heads) this.inc({ tenant: head.tenant }, Number(head.seq));
      },
    });
    this.lastCheckpoint = new Gauge({
      name: 'baton_ledger_last_checkpoint_timestamp_seconds',
      help: "When the tenant's latest signed checkpoint was taken (Unix time)",
      labelNames: ['tenant'],
      registers,
    });
    this.verifications = new Counter({
      name: 'baton_ledger_verifications_total',
      help: 'Ledger verifications run, by tenant and outcome (intact or broken)',
      labelNames: ['tenant', 'outcome'],
      registers,
    });
    this.lastVerificationOk = new Gauge({
      name: 'baton_ledger_last_verification_ok',
      help: "1 when the tenant's latest verification found the chain intact, 0 when it found a broken link",
      labelNames: ['tenant'],
      registers,
    });
  }

  /** Seeds the checkpoint gauge from the store, so a restart does not look like a ledger never checkpointed. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const heads = await this.dataSource.query<{ tenant: string }[]>('SELECT tenant FROM ledger_head');
      for (const { tenant } of heads) {
        const latest = await this.checkpoints.latest(tenant);
        if (latest) this.checkpointTaken(tenant, latest.statement.time);
      }
    } catch (error) {
      this.logger.warn(`could not read the latest checkpoints: ${(error as Error).message}`);
    }
  }

  checkpointTaken(tenant: string, time: string): void {
    this.lastCheckpoint.set({ tenant }, new Date(time).getTime() / 1000);
  }

  verified(tenant: string, ok: boolean): void {
    this.verifications.inc({ tenant, outcome: ok ? 'intact' : 'broken' });
    this.lastVerificationOk.set({ tenant }, ok ? 1 : 0);
  }
}
