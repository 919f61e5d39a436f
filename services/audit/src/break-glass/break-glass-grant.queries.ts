import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { BREAK_GLASS_LAWFUL_BASIS } from '@baton/contracts';
import { decodeCursor, encodeCursor, ProblemException, type Page } from '@baton/http-api';
import { accessView, type AccessView, type LedgerRow } from '../oversight/ledger-entry.view.js';
import { grantStatus, maySeeGrant, type GrantStatus } from './break-glass.rules.js';

export interface GrantRow {
  grant_id: string;
  tenant: string;
  family_id: string;
  person_id: string;
  person_name: string;
  agency_id: string;
  roles: string[];
  reason: string;
  details: string;
  granted_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  ended_by_person_id: string | null;
  ended_by_agency_id: string | null;
}

/** A grant as auditors, the grantee and their managers see it. */
export interface GrantView {
  grantId: string;
  familyId: string;
  grantee: { personId: string; name: string; agencyId: string; roles: string[] };
  reason: string;
  details: string;
  grantedAt: string;
  expiresAt: string;
  status: GrantStatus;
  endedAt?: string;
  endedBy?: { personId: string; agencyId: string };
  /** How many reads were made under the grant (each is in the family's access log, marked with the grant). */
  readsMade?: number;
}

export interface GrantReport extends GrantView {
  readsMade: number;
  reads: AccessView[];
}

const DOMAIN_EVENT = `event_type NOT LIKE 'baton.access.%' AND event_type NOT LIKE 'baton.break-glass.%'`;

/** The grants, and the family facts a request is checked against, from this service's own tables. */
@Injectable()
export class BreakGlassGrantQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The family a request names, as the domain's events know it in the caller's authority: a family id any
   * referral, plan, order or contract event names, or the family of such a record. 404 for anything else.
   */
  async familyNamed(tenant: string, named: { familyId?: string; recordId?: string }): Promise<string> {
    if (named.familyId !== undefined) {
      const [{ found }] = await this.dataSource.query<{ found: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM ledger_entry
                         WHERE tenant = $1 AND family_ids @> ARRAY[$2]::text[] AND ${DOMAIN_EVENT}) AS found`,
        [tenant, named.familyId],
      );
      if (!found) throw ProblemException.notFound(`Family ${named.familyId}`);
      return named.familyId;
    }
    const rows = await this.dataSource.query<{ family_id: string }[]>(
      `SELECT DISTINCT unnest(family_ids) AS family_id FROM ledger_entry
        WHERE tenant = $1 AND record_ids @> ARRAY[$2]::text[] AND ${DOMAIN_EVENT}`,
      [tenant, named.recordId],
    );
    if (rows.length === 0) throw ProblemException.notFound(`Record ${named.recordId}`);
    if (rows.length > 1) {
      // A referral re-filed under a plan's family names both; the person must say which family they mean.
      throw ProblemException.of(422, 'record-names-several-families', 'Name the family', undefined, {
        errors: [
          { field: 'recordId', rule: 'namesOneFamily', message: 'the record names several families: give familyId' },
        ],
      });
    }
    return rows[0].family_id;
  }

  async row(tx: EntityManager, tenant: string, grantId: string, lock = false): Promise<GrantRow | undefined> {
    const [row] = await tx.query<GrantRow[]>(
      `SELECT * FROM break_glass_grant WHERE tenant = $1 AND grant_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [tenant, grantId],
    );
    return row;
  }

  /** Grants newest first: an auditor's whole authority; a manager's own agency's; anyone else's own. */
  async list(
    caller: Caller,
    page: { cursor?: string; limit: number; familyId?: string },
    now: Date,
  ): Promise<Page<GrantView>> {
    const params: unknown[] = [caller.tenant];
    const where = ['tenant = $1'];
    if (!caller.roles.includes('auditor')) {
      params.push(caller.agencyId);
      where.push(`agency_id = $${params.length}`);
      if (!caller.roles.includes('manager')) {
        params.push(caller.personId);
        where.push(`person_id = $${params.length}`);
      }
    }
    if (page.familyId !== undefined) {
      params.push(page.familyId);
      where.push(`family_id = $${params.length}`);
    }
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      params.push(String(at), String(id));
      where.push(`(granted_at, grant_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.limit + 1);
    const rows = await this.dataSource.query<GrantRow[]>(
      `SELECT * FROM break_glass_grant WHERE ${where.join(' AND ')}
        ORDER BY granted_at DESC, grant_id DESC LIMIT $${params.length}`,
      params,
    );
    const shown = rows.slice(0, page.limit);
    const counts = await this.readCounts(caller.tenant, shown);
    const last = shown.at(-1);
    return {
      items: shown.map((r) => grantView(r, now, counts.get(r.grant_id) ?? 0)),
      nextCursor:
        rows.length > page.limit && last ? encodeCursor([last.granted_at.toISOString(), last.grant_id]) : undefined,
    };
  }

  /** One grant with every read made under it, oldest first; 404 for a grant the caller may not see. */
  async report(caller: Caller, grantId: string, now: Date): Promise<GrantReport> {
    const row = await this.row(this.dataSource.manager, caller.tenant, grantId);
    if (!row || !maySeeGrant(caller, { tenant: row.tenant, personId: row.person_id, agencyId: row.agency_id })) {
      throw ProblemException.notFound(`Break-glass grant ${grantId}`);
    }
    const reads = await this.dataSource.query<LedgerRow[]>(
      `SELECT seq, canonical, link, family_ids FROM ledger_entry
        WHERE tenant = $1 AND lawful_basis = $2 AND family_ids @> ARRAY[$3]::text[] AND event_type LIKE 'baton.access.%'
          AND (canonical::jsonb -> 'event' -> 'data' ->> 'breakGlassGrantId') = $4
        ORDER BY seq LIMIT 5000`,
      [caller.tenant, BREAK_GLASS_LAWFUL_BASIS, row.family_id, grantId],
    );
    return { ...grantView(row, now, reads.length), readsMade: reads.length, reads: reads.map(accessView) };
  }

  private async readCounts(tenant: string, rows: GrantRow[]): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const counted = await this.dataSource.query<{ grant_id: string; reads: string }[]>(
      `SELECT canonical::jsonb -> 'event' -> 'data' ->> 'breakGlassGrantId' AS grant_id, count(*) AS reads
         FROM ledger_entry
        WHERE tenant = $1 AND lawful_basis = $2 AND family_ids && $3::text[] AND event_type LIKE 'baton.access.%'
        GROUP BY 1`,
      [tenant, BREAK_GLASS_LAWFUL_BASIS, [...new Set(rows.map((r) => r.family_id))]],
    );
    return new Map(counted.map((c) => [c.grant_id, Number(c.reads)]));
  }
}

export function grantView(r: GrantRow, now: Date, readsMade?: number): GrantView {
  return {
    grantId: r.grant_id,
    familyId: r.family_id,
    grantee: { personId: r.person_id, name: r.person_name, agencyId: r.agency_id, roles: r.roles },
    reason: r.reason,
    details: r.details,
    grantedAt: r.granted_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    status: grantStatus({ expiresAt: r.expires_at, endedAt: r.ended_at }, now),
    ...(r.ended_at ? { endedAt: r.ended_at.toISOString() } : {}),
    ...(r.ended_by_person_id && r.ended_by_agency_id
      ? { endedBy: { personId: r.ended_by_person_id, agencyId: r.ended_by_agency_id } }
      : {}),
    ...(readsMade !== undefined ? { readsMade } : {}),
  };
}
