import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AgencyConsistency {
  holdingAgencyId: string;
  holdingAgencyKind: string;
  ordersHeld: number;
  breaches: number;
  /** Breaches whose decision has taken effect (a prosecution referral only once approved). */
  decided: number;
  /** Prosecution referrals waiting for their second approver: not yet a prosecution, not undecided either. */
  awaitingApproval: number;
  /** Breaches with no decision, or whose prosecution referral was rejected and awaits a new one. */
  undecided: number;
  writtenWarnings: number;
  /** Approved prosecution referrals only (a referral takes effect when a second person approves it). */
  prosecutionReferrals: number;
  noAction: number;
  /** Decisions recorded before the parent was contacted. */
  decidedWithoutContact: number;
  /** Shares of all breaches in the range, 0–1, so agencies with different caseloads compare. */
  shareWrittenWarning: number;
  shareProsecution: number;
  shareNoAction: number;
  medianWorkingDaysBreachToDecision: number | null;
  /** Failures the officer accepted as having a reasonable excuse: the other side of consistency. */
  failuresWithReasonableExcuse: number;
}

interface Row {
  holding_agency_id: string;
  holding_agency_kind: string;
  orders_held: number;
  breaches: number;
  decided: number;
  awaiting_approval: number;
  warnings: number;
  prosecutions: number;
  no_action: number;
  without_contact: number;
  median_days: number | null;
  excused: number;
}

/**
 * The comparison the strategies ask for (seeds/001 §5(b)): per holding agency, over a date range,
 * how many orders it held, how many breaches, how each ended, and how long decisions took. A decision counts once it
 * has taken effect: a prosecution referral only when approved, one awaiting approval as its own figure.
 * One statement; each part reads an index on (tenant, holding agency, date).
 */
const CONSISTENCY_SQL = `
  WITH held AS (
    SELECT holding_agency_id, holding_agency_kind, count(*)::int AS orders_held
      FROM parenting_order
     WHERE tenant = $1 AND made_on <= $3 AND (closed_on IS NULL OR closed_on >= $2)
     GROUP BY 1, 2
  ), breaches AS (
    SELECT holding_agency_id,
           count(*)::int AS breaches,
           count(decision) FILTER (WHERE status = 'closed')::int AS decided,
           count(*) FILTER (WHERE status = 'awaiting-approval')::int AS awaiting_approval,
           count(*) FILTER (WHERE decision = 'written-warning')::int AS warnings,
           count(*) FILTER (WHERE decision = 'prosecution-referral' AND approval = 'approved')::int AS prosecutions,
           count(*) FILTER (WHERE decision = 'no-action')::int AS no_action,
           count(*) FILTER (WHERE decided_without_contact)::int AS without_contact,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days_to_decision)
             FILTER (WHERE status = 'closed') AS median_days
      FROM enforcement_case
     WHERE tenant = $1 AND breach_on BETWEEN $2 AND $3
     GROUP BY 1
  ), excused AS (
    SELECT o.holding_agency_id, count(*)::int AS excused
      FROM order_compliance c JOIN parenting_order o ON o.id = c.order_id
     WHERE c.tenant = $1 AND c.outcome = 'failed-reasonable-excuse' AND c.occurred_on BETWEEN $2 AND $3
     GROUP BY 1
  )
  SELECT h.holding_agency_id, h.holding_agency_kind, h.orders_held,
         coalesce(b.breaches, 0) AS breaches, coalesce(b.decided, 0) AS decided,
         coalesce(b.awaiting_approval, 0) AS awaiting_approval,
         coalesce(b.warnings, 0) AS warnings, coalesce(b.prosecutions, 0) AS prosecutions,
         coalesce(b.no_action, 0) AS no_action, coalesce(b.without_contact, 0) AS without_contact,
         b.median_days, coalesce(x.excused, 0) AS excused
    FROM held h
    LEFT JOIN breaches b USING (holding_agency_id)
    LEFT JOIN excused x USING (holding_agency_id)
   ORDER BY h.holding_agency_kind, h.holding_agency_id`;

@Injectable()
export class ConsistencyQueries {
  constructor(private readonly dataSource: DataSource) {}

  async report(tenant: string, from: string, to: string): Promise<AgencyConsistency[]> {
    const rows: Row[] = await this.dataSource.query(CONSISTENCY_SQL, [tenant, from, to]);
    return rows.map((r) => {
      const share = (n: number) => (r.breaches === 0 ? 0 : Math.round((n / r.breaches) * 1000) / 1000);
      return {
        holdingAgencyId: r.holding_agency_id,
        holdingAgencyKind: r.holding_agency_kind,
        ordersHeld: r.orders_held,
        breaches: r.breaches,
        decided: r.decided,
        awaitingApproval: r.awaiting_approval,
        undecided: r.breaches - r.decided - r.awaiting_approval,
        writtenWarnings: r.warnings,
        prosecutionReferrals: r.prosecutions,
        noAction: r.no_action,
        decidedWithoutContact: r.without_contact,
        shareWrittenWarning: share(r.warnings),
        shareProsecution: share(r.prosecutions),
        shareNoAction: share(r.no_action),
        medianWorkingDaysBreachToDecision: r.median_days === null ? null : Number(r.median_days),
        failuresWithReasonableExcuse: r.excused,
      };
    });
  }
}
