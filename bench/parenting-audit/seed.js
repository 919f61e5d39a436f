// Seeds the parenting service's database straight in SQL (generate_series), after its migrations ran:
// 20,000 orders over three holding agencies, their requirements and sessions, 500,000 compliance
// records and an enforcement case for every failure without reasonable excuse. Invented data only.

const AGENCIES = `(VALUES (0, 'demo-yot', 'youth-offending-team'),
                          (1, 'demo-education-welfare', 'education-welfare'),
                          (2, 'demo-asb-team', 'local-authority')) AS a(n, id, kind)`;

/** Deterministic "random" in [0, 100) from integers, so every run seeds the same data. */
const pct = (expr) => `(abs(hashtext(${expr}::text)) % 100)`;

export const SEED_STEPS = [
  [
    'id function',
    // A version-4-shaped UUID from text, so ids pass the same validation as ids from the API.
    () => `CREATE FUNCTION pg_temp.u(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
      $$ SELECT (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18, 15))::uuid $$`,
  ],
  [
    'orders',
    (orders) => `
    INSERT INTO parenting_order (id, tenant, family_id, state, version, legal_basis, applicant, court_kind, court_name,
      appeal_route, made_on, requirements_end_on, holding_agency_id, holding_agency_kind, officer_person_id, officer,
      children, parents, grounds, previous_parenting_order, open_enforcement_cases, closed_on, created_at)
    SELECT pg_temp.u('o' || i), 'demo', pg_temp.u('f' || i),
           CASE WHEN i % 10 = 0 THEN 'discharged'
                WHEN end_on < DATE '2026-11-23' AND i % 7 <> 0 THEN 'expired' ELSE 'in-force' END,
           5, 'asba-2003-s26', 'youth-offending-team', 'magistrates-court', 'Demo Magistrates Court', 'crown-court',
           made_on, end_on, a.id, a.kind, 'officer-' || (i % 40),
           jsonb_build_object('personId', 'officer-' || (i % 40), 'name', 'Officer ' || (i % 40), 'agencyId', a.id),
           '[]', '[]', 'Invented grounds for a benchmark order', false, 0,
           CASE WHEN i % 10 = 0 THEN made_on + 200 WHEN end_on < DATE '2026-11-23' AND i % 7 <> 0 THEN end_on + 1 END,
           made_on::timestamptz
      FROM generate_series(1, ${orders}) AS i
      CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + (i % 480) AS made_on) m
      CROSS JOIN LATERAL (SELECT ((m.made_on + interval '12 months')::date - 1) AS end_on) e
      JOIN ${AGENCIES} ON a.n = i % 3`,
  ],
  [
    'requirements',
    () => `
    INSERT INTO order_requirement (id, order_id, tenant, kind, description, starts_on, ends_on, setting, created_at)
    SELECT pg_temp.u(k || o.id::text), o.id, 'demo', kind, description, o.made_on,
           CASE WHEN k = 'p' THEN (o.made_on + interval '3 months')::date - 1 ELSE o.requirements_end_on - 30 END,
           CASE WHEN k = 'p' THEN 'non-residential' END, o.created_at
      FROM parenting_order o
     CROSS JOIN (VALUES ('p', 'programme', 'Attend the parenting programme'),
                        ('e', 'escort-to-school', 'Escort the child to school daily')) AS r(k, kind, description)`,
  ],
  [
    'sessions',
    () => `
    INSERT INTO order_session (id, order_id, requirement_id, tenant, starts_at, ends_at, session_on, programme_starts_on,
      created_at)
    SELECT pg_temp.u('s' || w || o.id::text), o.id, pg_temp.u('p' || o.id::text), 'demo',
           (day + time '17:00')::timestamptz, (day + time '19:00')::timestamptz, day, o.made_on, o.created_at
      FROM parenting_order o
     CROSS JOIN generate_series(0, 6) AS w
     CROSS JOIN LATERAL (SELECT o.made_on + CASE WHEN w = 6 AND ${pct('o.id')} < 2 THEN 100 ELSE w * 7 END AS day) d`,
  ],
  [
    'compliance',
    (orders, records) => `
    INSERT INTO order_compliance (id, order_id, requirement_id, session_id, tenant, occurred_on, outcome, excuse,
      notes, recorded_by, recorded_at)
    SELECT pg_temp.u('k' || j || o.id::text), o.id, pg_temp.u(CASE WHEN j < 6 THEN 'p' ELSE 'e' END || o.id::text),
           NULL, 'demo', o.made_on + j * 7,
           CASE WHEN r < 85 THEN 'complied' WHEN r < 93 THEN 'failed-reasonable-excuse' ELSE 'failed-without-excuse' END,
           CASE WHEN r >= 85 AND r < 93 THEN 'Child unwell' END, NULL, o.officer,
           (o.made_on + j * 7 + 1)::timestamptz
      FROM parenting_order o
     CROSS JOIN generate_series(0, ${Math.ceil(records / orders) - 1}) AS j
     CROSS JOIN LATERAL (SELECT ${pct('o.id::text || j')} AS r) x`,
  ],
  [
    'enforcement cases',
    () => `
    INSERT INTO enforcement_case (id, order_id, compliance_id, requirement_id, tenant, holding_agency_id, status, version,
      breach_on, opened_at, contact_due_at, contacted_at, contact_method, decision, decision_reason, decided_at,
      decided_by_person_id, decided_by, working_days_to_decision, approval, approved_at, approved_by)
    SELECT pg_temp.u('c' || c.id::text), c.order_id, c.id, c.requirement_id, 'demo', o.holding_agency_id,
           CASE WHEN r < 5 THEN 'awaiting-decision' WHEN r < 6 THEN 'awaiting-approval' ELSE 'closed' END, 3,
           c.occurred_on, c.recorded_at, c.recorded_at + interval '2 days',
           CASE WHEN r % 10 = 3 THEN NULL WHEN r % 10 = 7 THEN c.recorded_at + interval '3 days'
                ELSE c.recorded_at + interval '4 hours' END,
           CASE WHEN r % 10 = 3 THEN NULL ELSE 'phone' END,
           decision, CASE WHEN decision IS NOT NULL THEN 'Invented reason' END,
           CASE WHEN decision IS NOT NULL THEN c.recorded_at + interval '2 days' END,
           CASE WHEN decision IS NOT NULL THEN o.officer_person_id END,
           CASE WHEN decision IS NOT NULL THEN o.officer END,
           CASE WHEN decision IS NOT NULL THEN (r % 4) + (o.holding_agency_kind = 'education-welfare')::int * 2 END,
           CASE WHEN r >= 6 AND decision = 'prosecution-referral' THEN 'approved' END,
           CASE WHEN r >= 6 AND decision = 'prosecution-referral' THEN c.recorded_at + interval '3 days' END,
           CASE WHEN r >= 6 AND decision = 'prosecution-referral'
                THEN '{"personId":"manager","name":"Manager","agencyId":"x"}'::jsonb END
      FROM order_compliance c
      JOIN parenting_order o ON o.id = c.order_id
     CROSS JOIN LATERAL (SELECT ${pct('c.id')} AS r) x
     CROSS JOIN LATERAL (SELECT CASE
              WHEN r < 5 THEN NULL
              WHEN r < 6 THEN 'prosecution-referral'
              -- Each kind of holder answers the same breach differently: what the report must show.
              WHEN o.holding_agency_kind = 'youth-offending-team' THEN
                CASE WHEN r < 60 THEN 'written-warning' WHEN r < 75 THEN 'prosecution-referral' ELSE 'no-action' END
              WHEN o.holding_agency_kind = 'education-welfare' THEN
                CASE WHEN r < 45 THEN 'written-warning' WHEN r < 75 THEN 'prosecution-referral' ELSE 'no-action' END
              ELSE CASE WHEN r < 70 THEN 'written-warning' WHEN r < 80 THEN 'prosecution-referral' ELSE 'no-action' END
            END AS decision) d
     WHERE c.outcome = 'failed-without-excuse'`,
  ],
  [
    'open case counts',
    () => `
    UPDATE parenting_order o SET open_enforcement_cases = n.open
      FROM (SELECT order_id, count(*)::int AS open FROM enforcement_case WHERE status <> 'closed' GROUP BY 1) n
     WHERE n.order_id = o.id`,
  ],
  ['statistics', () => 'VACUUM ANALYZE'],
];

/** Runs every step, logging each one's time; returns the row counts. */
export async function seed(client, { orders, records }, log) {
  for (const [name, sql] of SEED_STEPS) {
    const t0 = performance.now();
    const result = await client.query(sql(orders, records));
    log(`seeded ${name}: ${result.rowCount ?? ''} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM parenting_order)::int AS orders,
      (SELECT count(*) FROM order_requirement)::int AS requirements,
      (SELECT count(*) FROM order_session)::int AS sessions,
      (SELECT count(*) FROM order_compliance)::int AS compliance,
      (SELECT count(*) FROM enforcement_case)::int AS enforcement_cases`);
  return rows[0];
}
