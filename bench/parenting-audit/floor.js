// The floor for this read path: the same two answers written by hand as plain SQL over node-pg, no
// framework, no HTTP, no access event. What Baton adds on top (auth, validation, Nest, JSON, the
// access-log write) is the difference between the two figures.

export const FLOOR_CONSISTENCY = `
  SELECT o.holding_agency_id,
         count(DISTINCT o.id) FILTER (WHERE o.made_on <= $3 AND (o.closed_on IS NULL OR o.closed_on >= $2)) AS orders,
         (SELECT count(*) FROM enforcement_case e WHERE e.holding_agency_id = o.holding_agency_id
             AND e.breach_on BETWEEN $2 AND $3) AS breaches,
         (SELECT json_object_agg(coalesce(decision, 'undecided'), n) FROM (
             SELECT decision, count(*) AS n FROM enforcement_case e WHERE e.holding_agency_id = o.holding_agency_id
                AND e.breach_on BETWEEN $2 AND $3 GROUP BY decision) d) AS decisions,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days_to_decision) FROM enforcement_case e
           WHERE e.holding_agency_id = o.holding_agency_id AND e.breach_on BETWEEN $2 AND $3) AS median_days
    FROM parenting_order o
   WHERE o.tenant = $1
   GROUP BY o.holding_agency_id`;

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
