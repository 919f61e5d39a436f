import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LedgeredEvent } from '../domain/reports/case-facts.js';

/** The event types the reports are built from; everything else in the ledger is left unread. */
const REPORTED = ['baton.referral.%', 'baton.plan.%', 'baton.order.%', 'baton.contract.signed.%'];

/** Reads the events the reports need from the ledger, in chain order. */
@Injectable()
export class ReportData {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events of the tenant from `since` on. No upper bound: a referral received in a period may be decided after it,
   * and the reports place each fact by the dates in its payload, not by when the event was published.
   */
  async events(tenant: string, since: Date): Promise<LedgeredEvent[]> {
    const rows: { seq: string; hash: string; canonical: string }[] = await this.dataSource.query(
      `SELECT seq, hash, canonical FROM ledger_entry
       WHERE tenant = $1 AND event_type LIKE ANY($2) AND occurred_at >= $3 ORDER BY seq`,
      [tenant, REPORTED, since.toISOString()],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      hash: r.hash,
      event: (JSON.parse(r.canonical) as { event: LedgeredEvent['event'] }).event,
    }));
  }
}
