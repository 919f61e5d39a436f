import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, pageOf, type Page } from '@baton/http-api';
import { EXCEPTION_KINDS, type ExceptionKind } from './dto/audit-query.dto.js';

export interface AuditException {
  kind: ExceptionKind;
  orderId: string;
  familyId: string;
  enforcementId: string | null;
  holdingAgencyId: string;
  responsibleOfficerPersonId: string;
  /** When the exception began: the breach, the missed deadline, the order's end, the late session. */
  since: string;
  detail: string;
}

interface Row {
  kind: ExceptionKind;
  order_id: string;
  family_id: string;
  enforcement_id: string | null;
  holding_agency_id: string;
  officer_person_id: string;
  since: string;
  ref: string;
  detail: string;
}

/**
 * Each kind of exception as one SQL branch, every column named (a branch may run alone), each served by a partial or covering index (see the
 * migration), combined and paged by (since, ref) so a list of thousands stays one index walk.
 */
const BRANCHES: Record<ExceptionKind, string> = {
  'no-contact-within-deadline': `
    SELECT 'no-contact-within-deadline' AS kind, o.id AS order_id, o.family_id, e.id AS enforcement_id,
           o.holding_agency_id, o.officer_person_id, to_char(e.contact_due_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since,
           e.id::text AS ref,
           CASE WHEN e.contacted_at IS NULL THEN 'no contact recorded' ELSE 'contacted after the deadline' END
             || CASE WHEN e.opened_at >= e.contact_due_at
                     THEN '; breach recorded late, on ' || to_char(e.opened_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')
                     ELSE '' END AS detail
      FROM enforcement_case e JOIN parenting_order o ON o.id = e.order_id
     WHERE e.tenant = $1 AND ($2::text IS NULL OR e.holding_agency_id = $2)
       AND (e.contacted_at IS NULL OR e.contacted_at > e.contact_due_at) AND e.contact_due_at <= $3`,
  'no-decision': `
    SELECT 'no-decision' AS kind, o.id AS order_id, o.family_id, e.id AS enforcement_id, o.holding_agency_id,
           o.officer_person_id, e.breach_on::text AS since, e.id::text AS ref, 'breach ' || e.status AS detail
      FROM enforcement_case e JOIN parenting_order o ON o.id = e.order_id
     WHERE e.tenant = $1 AND ($2::text IS NULL OR e.holding_agency_id = $2)
       AND e.status IN ('awaiting-contact', 'awaiting-decision')`,
  'prosecution-awaiting-approval': `
    SELECT 'prosecution-awaiting-approval' AS kind, o.id AS order_id, o.family_id, e.id AS enforcement_id,
           o.holding_agency_id, o.officer_person_id, to_char(e.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since,
           e.id::text AS ref, 'referred by ' || (e.decided_by->>'name') AS detail
      FROM enforcement_case e JOIN parenting_order o ON o.id = e.order_id
     WHERE e.tenant = $1 AND ($2::text IS NULL OR e.holding_agency_id = $2) AND e.status = 'awaiting-approval'`,
  'decided-without-contact': `
    SELECT 'decided-without-contact' AS kind, o.id AS order_id, o.family_id, e.id AS enforcement_id,
           o.holding_agency_id, o.officer_person_id, to_char(e.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since,
           e.id::text AS ref, e.decision || ' decided before the parent was contacted' AS detail
      FROM enforcement_case e JOIN parenting_order o ON o.id = e.order_id
     WHERE e.tenant = $1 AND ($2::text IS NULL OR e.holding_agency_id = $2) AND e.decided_without_contact`,
  'past-end-still-open': `
    SELECT 'past-end-still-open' AS kind, o.id AS order_id, o.family_id, NULL::uuid AS enforcement_id,
           o.holding_agency_id, o.officer_person_id, o.requirements_end_on::text AS since, o.id::text AS ref,
           o.open_enforcement_cases || ' enforcement case(s) open' AS detail
      FROM parenting_order o
     WHERE o.tenant = $1 AND ($2::text IS NULL OR o.holding_agency_id = $2)
       AND o.state = 'in-force' AND o.requirements_end_on < $4::date`,
  'programme-beyond-3-months': `
    SELECT 'programme-beyond-3-months' AS kind, o.id AS order_id, o.family_id, NULL::uuid AS enforcement_id,
           o.holding_agency_id, o.officer_person_id, min(s.session_on)::text AS since, s.requirement_id::text AS ref,
           count(*) || ' session(s) after ' || ((min(s.programme_starts_on) + interval '3 months')::date - 1)::text
             AS detail
      FROM order_session s
      JOIN parenting_order o ON o.id = s.order_id
     WHERE s.tenant = $1 AND s.beyond_programme_limit AND ($2::text IS NULL OR o.holding_agency_id = $2)
     GROUP BY o.id, s.requirement_id`,
};

@Injectable()
export class ExceptionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    tenant: string,
    agencyId: string | null,
    kind: ExceptionKind | undefined,
    now: Date,
    today: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditException>> {
    const kinds = kind ? [kind] : EXCEPTION_KINDS;
    const params: unknown[] = [tenant, agencyId, now, today, page.limit + 1];
    let after = '';
    if (page.cursor) {
      const [since, ref] = decodeCursor(page.cursor, 2);
      params.push(since, ref);
      after = 'WHERE (x.since, x.ref) > ($6::text, $7::text)';
    }
    const rows: Row[] = await this.dataSource.query(
      `WITH typed AS (SELECT $1::text, $2::text, $3::timestamptz, $4::date, $5::int)
       SELECT * FROM (${kinds.map((k) => BRANCHES[k]).join(' UNION ALL ')}) x ${after} ORDER BY x.since, x.ref LIMIT $5`,
      params,
    );
    return pageOf(
      rows,
      page.limit,
      (r) => ({
        kind: r.kind,
        orderId: r.order_id,
        familyId: r.family_id,
        enforcementId: r.enforcement_id,
        holdingAgencyId: r.holding_agency_id,
        responsibleOfficerPersonId: r.officer_person_id,
        since: r.since,
        detail: r.detail,
      }),
      (r) => [r.since, r.ref],
    );
  }
}
