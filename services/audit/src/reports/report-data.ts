import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LedgeredEvent } from '../domain/reports/case-facts.js';

/**
 * Reads what the reports need of the ledgered events, in chain order, from the reports' own store: the ids, codes,
 * dates and flags kept of each event when it was ledgered (`reportFactsOf`), which stay when the ledger's content is
 * erased, so a past window's figures do not change.
 */
@Injectable()
export class ReportData {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events of the tenant from `since` on. No upper bound: a referral received in a period may be decided after it,
   * and the reports place each fact by the dates in its payload, not by when the event was published.
   */
  async events(tenant: string, since: Date): Promise<LedgeredEvent[]> {
    const rows: { seq: string; hash: string; facts: string }[] = await this.dataSource.query(
      `SELECT seq, hash, facts FROM report_fact WHERE tenant = $1 AND occurred_at >= $2 ORDER BY seq`,
      [tenant, since.toISOString()],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      hash: r.hash,
      event: JSON.parse(r.facts) as LedgeredEvent['event'],
    }));
  }
}
