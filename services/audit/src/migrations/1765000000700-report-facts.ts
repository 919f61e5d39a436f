import type { MigrationInterface, QueryRunner } from 'typeorm';
import canonicalize from 'canonicalize';
import { reportFactsOf, REPORTED_TYPES } from '../domain/reports/report-facts.js';

/**
 * The reports' own store (docs/decisions/0001): for each ledgered event a report reads, only the ids, codes, dates
 * and flags the reports use, written in the same transaction as the ledger entry. The reports read it instead of the
 * ledger's content, so erasing a family's content leaves every past window's figures as they were. Existing
 * entries are copied over once here.
 */
export class ReportFacts1765000000700 implements MigrationInterface {
  name = 'ReportFacts1765000000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE report_fact (
      tenant text NOT NULL,
      seq bigint NOT NULL,
      hash char(64) NOT NULL,
      event_type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      family_ids text[] NOT NULL,
      facts text NOT NULL,
      erased boolean NOT NULL DEFAULT false,
      PRIMARY KEY (tenant, seq)
    )`);
    await runner.query('CREATE INDEX report_fact_by_time ON report_fact (tenant, occurred_at)');
    await runner.query('CREATE INDEX report_fact_by_family ON report_fact USING gin (family_ids)');
    for (let after = { seq: 0, tenant: '' }; ;) {
      const rows: { tenant: string; seq: string; hash: string; canonical: string; family_ids: string[] }[] =
        await runner.query(
          `SELECT tenant, seq, hash, canonical, family_ids FROM ledger_entry
           WHERE event_type LIKE ANY($1) AND canonical IS NOT NULL AND (seq, tenant) > ($2, $3)
           ORDER BY seq, tenant LIMIT 5000`,
          [REPORTED_TYPES, after.seq, after.tenant],
        );
      if (rows.length === 0) break;
      for (const r of rows) {
        const facts = reportFactsOf((JSON.parse(r.canonical) as { event: Record<string, unknown> }).event);
        if (!facts) continue;
        await runner.query(
          `INSERT INTO report_fact (tenant, seq, hash, event_type, occurred_at, family_ids, facts)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [r.tenant, r.seq, r.hash, facts.type, facts.time, r.family_ids, canonicalize(facts)],
        );
      }
      const last = rows[rows.length - 1];
      after = { seq: Number(last.seq), tenant: last.tenant };
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE report_fact');
  }
}
