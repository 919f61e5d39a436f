import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@baton/calendar';
import { chainEvents, genesisHash, type ChainHead, type ChainedEntry } from '../domain/ledger-chain.js';
import { reportFactsOf } from '../domain/reports/report-facts.js';
import { insertLedgerRows, insertReportFacts, type LedgerRow } from './ledger-rows.js';

/**
 * Appends events to the tenants' chains. Within the caller's transaction it takes each tenant's head row lock
 * (in tenant order, so two writers never deadlock), chains the events in order, inserts them in one statement
 * and moves the heads: a batch costs a handful of round trips however many events it holds.
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly clock: Clock) {}

  async append(manager: EntityManager, events: readonly { tenant: string }[]): Promise<ChainedEntry[]> {
    if (events.length === 0) return [];
    const byTenant = new Map<string, object[]>();
    for (const event of events) {
      const list = byTenant.get(event.tenant);
      if (list) list.push(event);
      else byTenant.set(event.tenant, [event]);
    }
    const tenants = [...byTenant.keys()].sort();
    const heads = await this.lockHeads(manager, tenants);
    const recordedAt = this.clock.now().toISOString();
    const rows: LedgerRow[] = [];
    const lastOf: ChainedEntry[] = [];
    for (const tenant of tenants) {
      const inOrder = byTenant.get(tenant) as object[];
      const chained = chainEvents(tenant, heads.get(tenant) as ChainHead, inOrder, recordedAt);
      chained.forEach((entry, i) =>
        rows.push({ entry, recordedAt, facts: reportFactsOf(inOrder[i] as Record<string, unknown>) }),
      );
      lastOf.push(chained[chained.length - 1]);
    }
    await insertLedgerRows((sql, params) => manager.query(sql, params), rows);
    await insertReportFacts((sql, params) => manager.query(sql, params), rows);
    await manager.query(
      `UPDATE ledger_head h SET seq = v.seq, hash = v.hash, updated_at = now()
       FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v(tenant, seq, hash) WHERE h.tenant = v.tenant`,
      [lastOf.map((e) => e.tenant), lastOf.map((e) => e.seq), lastOf.map((e) => e.hash)],
    );
    return rows.map((r) => r.entry);
  }

  /** Locks the tenants' head rows (creating a head at the genesis hash for a tenant's first entry). */
  private async lockHeads(manager: EntityManager, tenants: string[]): Promise<Map<string, ChainHead>> {
    let heads = await this.selectForUpdate(manager, tenants);
    if (heads.size < tenants.length) {
      const missing = tenants.filter((t) => !heads.has(t));
      await manager.query(
        `INSERT INTO ledger_head (tenant, seq, hash) SELECT t, 0, g FROM unnest($1::text[], $2::text[]) AS n(t, g)
         ON CONFLICT DO NOTHING`,
        [missing, missing.map(genesisHash)],
      );
      heads = await this.selectForUpdate(manager, tenants);
    }
    return heads;
  }

  private async selectForUpdate(manager: EntityManager, tenants: string[]): Promise<Map<string, ChainHead>> {
    const rows: { tenant: string; seq: string; hash: string }[] = await manager.query(
      'SELECT tenant, seq, hash FROM ledger_head WHERE tenant = ANY($1) ORDER BY tenant FOR UPDATE',
      [tenants],
    );
    return new Map(rows.map((r) => [r.tenant, { seq: Number(r.seq), hash: r.hash }]));
  }
}
