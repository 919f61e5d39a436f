// The floor for this read path: the same two answers written by hand as plain SQL over node-pg, no
// framework, no HTTP, no access event. (The service's report also counts failures with a reasonable
// excuse from the 500,000 compliance records, which the floor leaves out: the floor is a lower bound.) What Baton adds on top (auth, validation, Nest, JSON, the
// access-log write) is the difference between the two figures.

export const FLOOR_CONSISTENCY = `
  SELECT h.holding_agency_id, h.orders, b.breaches, b.warnings, b.prosecutions, b.no_action, b.median_days
    FROM (SELECT holding_agency_id, count(*) AS orders FROM parenting_order
           WHERE tenant = $1 AND made_on <= $3 AND (closed_on IS NULL OR closed_on >= $2) GROUP BY 1) h
    LEFT JOIN (SELECT holding_agency_id, count(*) AS breaches,
                      count(*) FILTER (WHERE decision = 'written-warning') AS warnings,
                      count(*) FILTER (WHERE decision = 'prosecution-referral') AS prosecutions,
                      count(*) FILTER (WHERE decision = 'no-action') AS no_action,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days_to_decision) AS median_days
                 FROM enforcement_case WHERE tenant = $1 AND breach_on BETWEEN $2 AND $3 GROUP BY 1) b
      USING (holding_agency_id)`;

export const FLOOR_EXCEPTIONS = `
  SELECT * FROM (
    SELECT 'no-contact' AS kind, e.order_id, e.id AS ref, e.contact_due_at::text AS since FROM enforcement_case e
     WHERE e.tenant = $1 AND (e.contacted_at IS NULL OR e.contacted_at > e.contact_due_at) AND e.contact_due_at <= $2
    UNION ALL
    SELECT 'no-decision', e.order_id, e.id, e.breach_on::text FROM enforcement_case e
     WHERE e.tenant = $1 AND e.status IN ('awaiting-contact', 'awaiting-decision')
    UNION ALL
    SELECT 'awaiting-approval', e.order_id, e.id, e.decided_at::text FROM enforcement_case e
     WHERE e.tenant = $1 AND e.status = 'awaiting-approval'
    UNION ALL
    SELECT 'past-end', o.id, o.id, o.requirements_end_on::text FROM parenting_order o
     WHERE o.tenant = $1 AND o.state = 'in-force' AND o.requirements_end_on < $3
    UNION ALL
    SELECT 'long-programme', s.order_id, s.requirement_id, min(s.session_on)::text FROM order_session s
     WHERE s.tenant = $1 AND s.beyond_programme_limit GROUP BY s.order_id, s.requirement_id
  ) x ORDER BY since, ref LIMIT 201`;
