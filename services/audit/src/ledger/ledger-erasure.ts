import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@baton/calendar';
import { CONTENT_ERASED } from '../domain/ledger-chain.js';
import type { LedgeredEvent } from '../domain/reports/case-facts.js';
import { erasedReportFacts } from '../domain/reports/report-facts.js';
import { LedgerWriter } from './ledger-writer.js';

/** Why a family's content goes: the retention rule that ran out, or the granted erasure request. */
export interface ErasureGround {
  /** `retention:<record kind>` or `request:<erasure request id>`. */
  rule: string;
  /** The day the period ran out or the request was granted (`YYYY-MM-DD`). */
  dueOn: string;
  /** Who erased: a person id, or `system:retention` for the expiry job. */
  actor: string;
}

export interface ErasureResult {
  /**
   * Positions whose content and salt were erased: the family's domain events. Access records keep theirs for their
   * own period (`access-record`), which runs from the access, not from the family's erasure.
   */
  erasedSeqs: number[];
  /** Entries of the family written in form 1 (before erasable content existed), which keep their content. */
  keptFirstForm: number;
  /** The erasure entry's position, when anything was erased. */
  erasureSeq?: number;
}

/**
 * Erases a family's personal content from the ledger (docs/decisions/0001): in one transaction it empties the
 * content and salt of every form-2 entry naming the family and appends an erasure entry listing them, so
 * verification keeps passing and any other removal still fails. Links, positions and ids stay: the ledger still
 * shows that the records existed, who acted and read them, and that and why they were erased.
 */
@Injectable()
export class LedgerErasure {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: LedgerWriter,
    private readonly clock: Clock,
  ) {}

  async eraseFamily(tenant: string, familyId: string, ground: ErasureGround): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      // The tenant's head lock first, as every append takes it: no entry for the family lands half-way through.
      await manager.query('SELECT 1 FROM ledger_head WHERE tenant = $1 FOR UPDATE', [tenant]);
      const rows: { seq: string; form_one: boolean }[] = await manager.query(
        `SELECT seq, link IS NULL AS form_one FROM ledger_entry
         WHERE tenant = $1 AND family_ids @> ARRAY[$2]::text[] AND canonical IS NOT NULL
           AND event_type <> $3 AND event_type NOT LIKE 'baton.access.%'
         ORDER BY seq`,
        [tenant, familyId, CONTENT_ERASED],
      );
      const erasedSeqs = rows.filter((r) => !r.form_one).map((r) => Number(r.seq));
      const keptFirstForm = rows.length - erasedSeqs.length;
      if (erasedSeqs.length === 0) return { erasedSeqs, keptFirstForm };
      await manager.query(`SELECT set_config('baton.ledger_erasure', 'on', true)`);
      await manager.query(
        'UPDATE ledger_entry SET canonical = NULL, content_salt = NULL WHERE tenant = $1 AND seq = ANY($2::bigint[])',
        [tenant, erasedSeqs],
      );
      await manager.query(`SELECT set_config('baton.ledger_erasure', 'off', true)`);
      await this.coarsenReportFacts(manager, tenant, familyId);
      const erasure = {
        specversion: '1.0',
        id: randomUUID(),
        type: CONTENT_ERASED,
        source: 'baton/audit',
        subject: familyId,
        time: this.clock.now().toISOString(),
        datacontenttype: 'application/json',
        tenant,
        familyid: familyId,
        actor: ground.actor,
        data: { familyId, rule: ground.rule, dueOn: ground.dueOn, erasedSeqs, keptFirstForm },
      };
      const [entry] = await this.writer.append(manager, [erasure]);
      return { erasedSeqs, keptFirstForm, erasureSeq: entry.seq };
    });
  }

  /** The reports keep the family's facts, with dates of birth to the month (`erasedReportFacts`). */
  private async coarsenReportFacts(manager: EntityManager, tenant: string, familyId: string): Promise<void> {
    const rows: { seq: string; facts: string }[] = await manager.query(
      `SELECT seq, facts FROM report_fact WHERE tenant = $1 AND family_ids @> ARRAY[$2]::text[] AND NOT erased
       FOR UPDATE`,
      [tenant, familyId],
    );
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE report_fact f SET facts = v.facts, erased = true
       FROM unnest($2::bigint[], $3::text[]) AS v(seq, facts) WHERE f.tenant = $1 AND f.seq = v.seq`,
      [
        tenant,
        rows.map((r) => r.seq),
        rows.map((r) => canonicalize(erasedReportFacts(JSON.parse(r.facts) as LedgeredEvent['event'])) as string),
      ],
    );
  }
}
