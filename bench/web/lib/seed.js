// Seeds the system through the services' own public APIs, as the people who would: the hub's practitioner
// opens plans directly (taf), adds outcomes and actions to a few, and a school sends referrals left for triage.
import { randomUUID } from 'node:crypto';

const SURNAMES = [
  'Ashdown',
  'Brightwater',
  'Copperfield',
  'Dunmore',
  'Elderbank',
  'Fernhill',
  'Greystone',
  'Hollowmere',
];
const GIVEN = ['Alfie', 'Bea', 'Cai', 'Dara', 'Esme', 'Finn', 'Gwen', 'Hari'];

/** A family of invented people, unique by its family name (n in letters: names take no digits). */
export function inventedFamily(n) {
  let letters = '';
  for (let i = n; ; i = Math.floor(i / 26) - 1) {
    letters = String.fromCharCode(97 + (i % 26)) + letters;
    if (i < 26) break;
  }
  const familyName = `${SURNAMES[n % SURNAMES.length]}-${letters}`;
  const year = 2010 + (n % 12);
  return {
    children: [{ givenName: GIVEN[n % GIVEN.length], familyName, dateOfBirth: `${year}-0${1 + (n % 9)}-1${n % 10}` }],
    carers: [{ givenName: 'Jo', familyName, relationship: 'mother' }],
  };
}

async function call(base, token, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 400)}`);
  return {
    body: text ? JSON.parse(text) : undefined,
    etag: response.headers.get('etag'),
    events: response.headers.get('baton-events'),
  };
}

/** Runs `work(i)` for i in [0, n) with `concurrency` at a time. */
async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await work(i);
    }),
  );
}

/**
 * Opens `families` plans led by `lead` (taf's direct opening), gives the first `withActions` an outcome and an
 * action owned by the lead's agency, and sends `referrals` referrals left waiting in the triage queue.
 * Returns the plans and the last write's events (to wait for the agency views).
 */
export async function seed({ urls, leadToken, lead, referrerToken, referrer, families, withActions, referrals, log }) {
  const plans = [];
  let lastEvents = '';
  const started = Date.now();
  await pool(families, 12, async (i) => {
    const family = inventedFamily(i);
    const opened = await call(
      urls.taf,
      leadToken,
      'POST',
      '/v1/plans',
      {
        ...family,
        levelOfNeed: 3,
        lead,
        familyAgreement: {
          agreedAt: new Date(Date.now() - 86_400_000).toISOString(),
          recordedAs: 'In person (invented)',
        },
      },
      { 'idempotency-key': randomUUID() },
    );
    plans[i] = { id: opened.body.id, familyId: opened.body.familyId };
    lastEvents = opened.events ?? lastEvents;
    if ((i + 1) % 1000 === 0)
      log(`  ${i + 1} plans opened (${Math.round(((i + 1) * 1000) / (Date.now() - started))}/s)`);
  });
  await pool(withActions, 4, async (i) => {
    const plan = plans[i];
    const outcomes = await call(
      urls.taf,
      leadToken,
      'PUT',
      `/v1/plans/${plan.id}/outcomes`,
      {
        outcomes: [{ headlineOutcome: 'education', description: 'Alfie goes to school every day' }],
      },
      { 'if-match': (await call(urls.taf, leadToken, 'GET', `/v1/plans/${plan.id}`)).etag },
    );
    const outcomeId = outcomes.body.outcomes[0].outcomeId;
    // An action may not be added already past its date: today onwards, some within the week (due soon).
    const due = new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10);
    const action = await call(
      urls.taf,
      leadToken,
      'POST',
      `/v1/plans/${plan.id}/actions`,
      {
        outcomeId,
        description: `Meet the family about attendance (${i + 1})`,
        ownerAgencyId: lead.agencyId,
        dueDate: due,
      },
      { 'if-match': outcomes.etag },
    );
    lastEvents = action.events ?? lastEvents;
  });
  await pool(referrals, 4, async (i) => {
    const family = inventedFamily(families + i);
    await call(
      urls.referrals,
      referrerToken,
      'POST',
      '/v1/referrals',
      {
        source: { kind: 'practitioner', agencyId: referrer.agencyId, name: referrer.name },
        sourceCode: '2A',
        family,
        concerns: { summary: 'Attendance has fallen this term (invented).', categories: ['education'] },
        proposedLevelOfNeed: 3,
        consent: { status: 'given', sharingAgreed: true },
        urgency: i % 5 === 0 ? 'urgent' : 'routine',
      },
      { 'idempotency-key': randomUUID() },
    );
  });
  return { plans, lastEvents, seconds: (Date.now() - started) / 1000 };
}

/** Waits until the agency views have applied the seed's last write (read-your-writes, no polling of data). */
export async function waitForViews(urls, token, familyId, events) {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const response = await fetch(
      `${urls['agency-views']}/v1/families/${familyId}?after=${encodeURIComponent(events)}&waitMs=30000`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    await response.text();
    if (response.status === 200) return;
    if (response.status !== 503) throw new Error(`agency views answered ${response.status}`);
  }
  throw new Error('the agency views did not catch up with the seed');
}
