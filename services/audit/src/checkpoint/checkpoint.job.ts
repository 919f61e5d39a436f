import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@baton/calendar';
import { PeriodicJob } from '@baton/periodic-job';
import { LedgerMetrics } from '../ledger/ledger-metrics.js';
import { CheckpointStore } from './checkpoint-store.js';

export const CHECKPOINT_INTERVAL = Symbol('CHECKPOINT_INTERVAL');

/**
 * Periodically writes a signed checkpoint (head hash, count, time) for every tenant whose chain grew since its
 * last one. Checkpoints live outside the database, so rewriting the chain there cannot rewrite them too.
 */
@Injectable()
export class CheckpointJob extends PeriodicJob {
  /** The count of each tenant's latest checkpoint, read from the store once and then kept. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CheckpointStore,
    private readonly clock: Clock,
    @Inject(CHECKPOINT_INTERVAL) intervalMs: number,
    private readonly metrics: LedgerMetrics,
  ) {
    super({ name: 'checkpoint', intervalMs, runAtStart: false });
  }

  protected run(): Promise<number> {
    return this.writeDue();
  }

  /** Writes a checkpoint for each tenant whose head is past its latest checkpoint; returns how many. */
  async writeDue(): Promise<number> {
    const heads: { tenant: string; seq: string; hash: string }[] = await this.dataSource.query(
      'SELECT tenant, seq, hash FROM ledger_head WHERE seq > 0 ORDER BY tenant',
    );
    let written = 0;
    for (const head of heads) {
      if (!this.written.has(head.tenant)) {
        this.written.set(head.tenant, (await this.store.latest(head.tenant))?.statement.count ?? 0);
      }
      if ((this.written.get(head.tenant) as number) >= Number(head.seq)) continue;
      const time = this.clock.now().toISOString();
      await this.store.write({ tenant: head.tenant, count: Number(head.seq), headHash: head.hash, time });
      this.metrics.checkpointTaken(head.tenant, time);
      this.written.set(head.tenant, Number(head.seq));
      written += 1;
    }
    return written;
  }
}
