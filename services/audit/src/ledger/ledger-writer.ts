import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@baton/calendar';
import { chainEvents, genesisHash, type ChainHead, type ChainedEntry } from '../domain/ledger-chain.js';

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
    for (const event of events) byTenant.set(event.tenant, [...(byTenant.get(event.tenant) ?? []), event]);
    const tenants = [...byTenant.keys()].sort();
    const heads = await this.lockHeads(manager, tenants);
    const recordedAt = this.clock.now().toISOString();
    const chained = tenants.flatMap((tenant) =>
      chainEvents(tenant, heads.get(tenant) as ChainHead, byTenant.get(tenant) as object[], recordedAt),
    );
    await manager.query(
      `INSERT INTO ledger_entry (canonical, prev_hash, hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [chained.map((e) => e.canonical), chained.map((e) => e.prevHash), chained.map((e) => e.hash)],
    );
    const lastOf = tenants.map((tenant) => chained.findLast((e) => e.tenant === tenant) as ChainedEntry);
    await manager.query(
      `UPDATE ledger_head h SET seq = v.seq, hash = v.hash, updated_at = now()
       FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v(tenant, seq, hash) WHERE h.tenant = v.tenant`,
      [lastOf.map((e) => e.tenant), lastOf.map((e) => e.seq), lastOf.map((e) => e.hash)],
    );
    return chained;
  }

  private async lockHeads(manager: EntityManager, tenants: string[]): Promise<Map<string, ChainHead>> {
    await manager.query(
      `INSERT INTO ledger_head (tenant, seq, hash) SELECT t, 0, g FROM unnest($1::text[], $2::text[]) AS n(t, g)
       ON CONFLICT DO NOTHING`,
      [tenants, tenants.map(genesisHash)],
    );
    const rows: { tenant: string; seq: string; hash: string }[] = await manager.query(
      'SELECT tenant, seq, hash FROM ledger_head WHERE tenant = ANY($1) ORDER BY tenant FOR UPDATE',
      [tenants],
    );
    return new Map(rows.map((r) => [r.tenant, { seq: Number(r.seq), hash: r.hash }]));
  }
}
