// Seeds open plans straight into the taf service's database (after its migrations ran), in batches so the
// deferred lead-professional checks run per batch: each plan has a lead, three member agencies, two
// outcomes, four actions, a child and eight timeline entries, as a plan a few weeks old would.

const BATCH = 1000;

/** Leads are spread over `leads` invented hub practitioners; the benchmark's caller is the first of them. */
export async function seedPlans(client, { plans, leads }) {
  for (let from = 1; from <= plans; from += BATCH) {
    const to = Math.min(plans, from + BATCH - 1);
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE seed ON COMMIT DROP AS
         SELECT n, gen_random_uuid() AS plan_id, gen_random_uuid() AS family_id, gen_random_uuid() AS lead_id,
                gen_random_uuid() AS child_id, gen_random_uuid() AS o1, gen_random_uuid() AS o2,
                now() - make_interval(mins => n) AS opened_at, 'bench-lead-' || (n % $3) AS lead_person
           FROM generate_series($1::int, $2::int) AS n`,
      [from, to, leads],
    );
    await client.query(
      `INSERT INTO plan (id, tenant, family_id, status, version, level_of_need, origin, opened_at, opened_by,
                         referral_ids, children, carers, outcomes, lead_id, review_cadence_weeks, next_review_date,
                         agreement)
       SELECT plan_id, 'demo', family_id, 'open', 8, 3, 'practitioner', opened_at,
              jsonb_build_object('personId', lead_person, 'name', 'Bench Lead', 'agencyId', 'demo-early-help-hub'),
              '{}', jsonb_build_array(jsonb_build_object('childId', child_id, 'givenName', 'Bench',
                'familyName', 'Family' || n, 'dateOfBirth', '2016-04-12')),
              jsonb_build_array(jsonb_build_object('carerId', gen_random_uuid(), 'givenName', 'Jo',
                'familyName', 'Family' || n, 'relationship', 'mother')),
              jsonb_build_array(
                jsonb_build_object('outcomeId', o1, 'headlineOutcome', 'education', 'description', 'In school every day'),
                jsonb_build_object('outcomeId', o2, 'headlineOutcome', 'housing', 'description', 'A settled home')),
              lead_id, 6, current_date + 20,
              jsonb_build_object('status', 'agreed', 'agreedAt', opened_at, 'recordedAs', 'benchmark')
         FROM seed`,
    );
    await client.query(
      `INSERT INTO plan_lead (id, plan_id, person_id, name, agency_id, agency_name, role, email, started_at)
       SELECT lead_id, plan_id, lead_person, 'Bench Lead ' || lead_person, 'demo-early-help-hub', 'Demo Early Help Hub',
              'Early help practitioner', lead_person || '@demo-borough.example.org', opened_at FROM seed`,
    );
    await client.query(
      `INSERT INTO plan_member (id, plan_id, tenant, agency_id, agency_name, person_id, contact_name, role, email, joined_at)
       SELECT gen_random_uuid(), plan_id, 'demo', m.agency, m.name, NULL, m.contact, m.role, NULL, opened_at
         FROM seed, (VALUES ('demo-early-help-hub', 'Demo Early Help Hub', 'Bench Lead', 'lead professional'),
                            ('demo-oakfield-primary', 'Oakfield Primary School', 'Priya Lanternby', 'school'),
                            ('demo-health-visiting', 'Demo Health Visiting Service', 'Nia Marchbank', 'health visitor'))
                     AS m(agency, name, contact, role)`,
    );
    await client.query(
      `INSERT INTO plan_action (id, plan_id, outcome_id, description, owner_agency_id, due_date, status, created_at, updated_at)
       SELECT gen_random_uuid(), plan_id, CASE WHEN a.k % 2 = 0 THEN o1 ELSE o2 END, 'Benchmark action ' || a.k,
              a.agency, current_date + 10 + a.k, 'in-progress', opened_at, opened_at
         FROM seed, (VALUES (1, 'demo-oakfield-primary'), (2, 'demo-health-visiting'), (3, 'demo-early-help-hub'),
                            (4, 'demo-oakfield-primary')) AS a(k, agency)`,
    );
    await client.query(
      `INSERT INTO plan_child (plan_id, child_id, tenant, name_key, open)
       SELECT plan_id, child_id, 'demo', 'bench|family' || n || '|2016-04-12', true FROM seed`,
    );
    await client.query(
      `INSERT INTO plan_timeline (plan_id, tenant, family_id, at, plan_version, type, actor, summary, details, visible_to, agency_id)
       SELECT plan_id, 'demo', family_id, opened_at + make_interval(secs => v), v, 'baton.plan.benchmark.v1',
              jsonb_build_object('personId', lead_person, 'name', 'Bench Lead', 'agencyId', 'demo-early-help-hub'),
              'Benchmark entry ' || v, '{}', CASE WHEN v > 4 THEN 'agency' ELSE 'all' END,
              CASE WHEN v > 4 THEN 'demo-oakfield-primary' END
         FROM seed, generate_series(1, 8) AS v`,
    );
    await client.query('COMMIT');
  }
  await client.query('ANALYZE');
  const { rows } = await client.query('SELECT id, family_id FROM plan');
  return rows.map((r) => ({ planId: r.id, familyId: r.family_id }));
}
