import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@baton/calendar';
import { Outbox } from '@baton/messaging';
import { PeriodicJob } from '@baton/periodic-job';
import { Referral } from '../referral/referral.entity.js';
import { referralDecisionOverdue } from '../referral/referral.events.js';

export const DEADLINE_SCAN_INTERVAL = Symbol('DEADLINE_SCAN_INTERVAL');
const BATCH = 200;

/**
 * Emits `referral.decision-overdue` once per referral whose decision deadline has passed. The
 * "already told" mark is written in the same transaction as the event, and rows are claimed with
 * SKIP LOCKED, so restarts and replicas running side by side never emit twice or miss one.
 */
@Injectable()
export class DecisionDeadlineJob extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(DEADLINE_SCAN_INTERVAL) intervalMs: number,
  ) {
    super({ name: 'decision deadline scan', intervalMs, runAtStart: true });
  }

  /** One pass: marks and announces every overdue referral; returns how many. */
  protected async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const count = await this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `WITH claimed AS (
             UPDATE referral SET overdue_notified_at = $1
              WHERE id IN (SELECT id FROM referral
                            WHERE status = 'received' AND overdue_notified_at IS NULL AND decision_due_at <= $1
                            ORDER BY decision_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
             RETURNING id)
           SELECT id FROM claimed`,
          [now],
        );
        if (rows.length === 0) return 0;
        const referrals = await manager.findBy(
          Referral,
          rows.map((r) => ({ id: r.id })),
        );
        await this.outbox.append(
          manager,
          referrals.map((r) => referralDecisionOverdue(r, now)),
        );
        return referrals.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
