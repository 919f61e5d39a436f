import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Caller } from '@baton/auth';
import { decodeCursor, pageOf, ProblemException, type Page } from '@baton/http-api';
import { redactionReview, type RedactionMark } from '../domain/redaction-review.js';
import { accessView, entryView, type AccessView, type LedgerEntryView, type LedgerRow } from './ledger-entry.view.js';

const ACCESS = 'baton.access.%';
const COLUMNS = 'seq, canonical, link, family_ids';

export interface PageQuery {
  cursor?: string;
  limit: number;
}

export interface SubjectAccessExport {
  subjectId: string;
  tenant: string;
  generatedAt: string;
  familyIds: string[];
  /** Every event naming the subject, each with the parts to review before disclosure. */
  records: (LedgerEntryView & { redactionReview: RedactionMark[] })[];
  /** Who accessed the subject's family's records, and why (recipients: UK GDPR art. 15(1)(c)). */
  accesses: AccessView[];
}

/**
 * The questions managers and data-protection officers ask of the ledger. An auditor sees the whole authority;
 * a manager only families their agency is involved with (anything else is 404, as for any record).
 */
@Injectable()
export class OversightQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Who accessed this family's records, and why, newest first. */
  async familyAccesses(caller: Caller, familyId: string, page: PageQuery): Promise<Page<AccessView>> {
    await this.requireInvolvement(caller, [familyId], 'family');
    const rows = await this.pageOfRows(
      caller,
      page,
      `event_type LIKE '${ACCESS}' AND family_ids @> ARRAY[$2]::text[]`,
      [familyId],
    );
    return pageOf(rows, page.limit, accessView, (r) => [Number(r.seq)]);
  }

  /** Everything done to (and every access to) one referral, plan, order or contract, oldest first. */
  async recordHistory(caller: Caller, recordId: string): Promise<LedgerEntryView[]> {
    const rows: LedgerRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ledger_entry WHERE tenant = $1 AND record_ids @> ARRAY[$2]::text[] ORDER BY seq LIMIT 5000`,
      [caller.tenant, recordId],
    );
    if (rows.length === 0) throw ProblemException.notFound(`Record ${recordId}`);
    await this.requireInvolvement(caller, [...new Set(rows.flatMap((r) => r.family_ids))], 'record');
    return rows.map(entryView);
  }

  /** Accesses that relied on a lawful basis other than involvement (break-glass, safeguarding overrides). */
  async breakGlass(caller: Caller, page: PageQuery & { from?: string; to?: string }): Promise<Page<AccessView>> {
    const params: unknown[] = [page.from ?? '-infinity', page.to ?? 'infinity'];
    let where = `event_type LIKE '${ACCESS}' AND lawful_basis IS NOT NULL AND occurred_at >= $2 AND occurred_at < $3`;
    if (!hasRole(caller, 'auditor')) {
      params.push(caller.agencyId);
      where += ' AND actor_agency = $4';
    }
    const rows = await this.pageOfRows(caller, page, where, params);
    return pageOf(rows, page.limit, accessView, (r) => [Number(r.seq)]);
  }

  /** Everything held about one person across the services' events (auditors only: subject access requests). */
  async subjectAccessExport(caller: Caller, subjectId: string, now: Date): Promise<SubjectAccessExport> {
    const rows: LedgerRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ledger_entry WHERE tenant = $1 AND person_ids @> ARRAY[$2]::text[] ORDER BY seq`,
      [caller.tenant, subjectId],
    );
    if (rows.length === 0) throw ProblemException.notFound(`Person ${subjectId}`);
    const familyIds = [...new Set(rows.flatMap((r) => r.family_ids))].sort();
    const accessRows: LedgerRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ledger_entry
       WHERE tenant = $1 AND event_type LIKE '${ACCESS}' AND family_ids && $2::text[] ORDER BY seq`,
      [caller.tenant, familyIds],
    );
    return {
      subjectId,
      tenant: caller.tenant,
      generatedAt: now.toISOString(),
      familyIds,
      records: rows.map((row) => {
        const view = entryView(row);
        return { ...view, redactionReview: redactionReview({ actor: view.actor, data: view.data }, subjectId) };
      }),
      accesses: accessRows.map(accessView),
    };
  }

  private async pageOfRows(caller: Caller, page: PageQuery, where: string, params: unknown[]): Promise<LedgerRow[]> {
    const before = page.cursor ? Number(decodeCursor(page.cursor, 1)[0]) : Number.MAX_SAFE_INTEGER;
    const all = [caller.tenant, ...params, before, page.limit + 1];
    const n = all.length;
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ledger_entry WHERE tenant = $1 AND ${where} AND seq < $${n - 1}
       ORDER BY seq DESC LIMIT $${n}`,
      all,
    );
  }

  /**
   * An auditor may look at any family of the authority; a manager only at families their agency is involved with
   * by the domain's own facts: a referral, plan, order or contract event their agency made or is named in (as
   * referrer, receiving agency, lead, member, holder...). Access records never count: every read writes one, so
   * counting them would let a manager become "involved" by reading.
   */
  private async requireInvolvement(caller: Caller, familyIds: string[], what: string): Promise<void> {
    const [{ found, involved }] = await this.dataSource.query<{ found: boolean; involved: boolean }[]>(
      `SELECT count(*) > 0 AS found,
              coalesce(bool_or(actor_agency = $3 OR jsonb_path_exists(canonical::jsonb -> 'event' -> 'data',
                '$.** ? (@ == $agency)', jsonb_build_object('agency', $3::text)))
                FILTER (WHERE event_type NOT LIKE '${ACCESS}'), false) AS involved
       FROM ledger_entry WHERE tenant = $1 AND family_ids && $2::text[]`,
      [caller.tenant, familyIds, caller.agencyId],
    );
    if (!found || (!involved && !hasRole(caller, 'auditor'))) {
      throw ProblemException.notFound(`The ${what}`);
    }
  }
}
