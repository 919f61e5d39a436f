import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { PlanEvents, ReferralEvents, subjectFor } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { schoolReferral, tokenFor } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';
import { httpClient, waitUntil } from '../services/taf/src/testing/http-client.js';
import { startTafTestApp, type TafTestApp } from '../services/taf/src/testing/taf-test-app.js';

// Friday 20 November 2026, 10:00 in London.
const FRIDAY_MORNING = new Date('2026-11-20T10:00:00Z');

describe('a referral accepted for early help becomes a plan with a lead professional', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let taf: TafTestApp;
  let tap: EventTap;
  let nc: NatsConnection;
  const asTaf = httpClient(() => taf);

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-referral-to-plan');
    referrals = await startReferralsTestApp(infra, FRIDAY_MORNING);
    taf = await startTafTestApp(infra, FRIDAY_MORNING, { databaseUrl: await infra.createDatabase('taf') });
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    nc = await connect({ servers: infra.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await tap?.close();
    await taf?.close();
    await referrals?.close();
    await infra?.dispose();
  });

  async function toReferrals(
    person: 'schoolDsl' | 'hubTriager',
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${referrals.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(referrals.issuer, person)}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      etag: response.headers.get('etag') ?? '',
      body: (await response.json()) as { id: string; familyId: string },
    };
  }

  it('opens the plan once, from the school’s referral to the hub’s decision, even when the decision is delivered twice', async () => {
    const referral = await toReferrals('schoolDsl', 'POST', '/v1/referrals', schoolReferral());
    expect(referral.status).toBe(201);
    const decision = await toReferrals(
      'hubTriager',
      'POST',
      `/v1/referrals/${referral.body.id}/decision`,
      {
        outcome: 'accept-early-help',
        levelOfNeed: 3,
        reasons: 'A TAF is needed.',
        allocatedTeamId: 'demo-hub-family-support',
      },
      { 'if-match': referral.etag },
    );
    expect(decision.status).toBe(200);

    const opened = await tap.waitFor(
      (e) => e.type === PlanEvents.opened.type && e.data.referralId === referral.body.id,
    );
    expect(opened.familyid).toBe(referral.body.familyId);
    expect(opened.data).toMatchObject({
      plan: {
        lead: {
          professional: {
            personId: 'hub-triager',
            name: 'Tamsin Quillfeather',
            email: 'tamsin.quillfeather@demo-borough.example.org',
          },
        },
      },
    });

    // The broker delivers the decision again (a new message id, as after a publisher retry past the dedupe window).
    const decided = await tap.waitFor((e) => e.type === ReferralEvents.decided.type && e.subject === referral.body.id);
    const { natsSubject: _subject, ...envelope } = decided;
    // The tap saw the whole envelope; publishing it again is what a redelivery looks like to taf.
    await jetstream(nc).publish(
      subjectFor(infra.subjectPrefix, 'demo', ReferralEvents.decided),
      JSON.stringify(envelope),
      {
        msgID: `${decided.id}-again`,
      },
    );

    const plans = async () =>
      (await asTaf('hubTriager', 'GET', '/v1/plans')).body.items as { id: string; familyId: string }[];
    await waitUntil('the plan to be listed', async () => (await plans()).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mine = (await plans()).filter((p) => p.familyId === referral.body.familyId);
    expect(mine).toHaveLength(1);
    expect(tap.ofType(PlanEvents.opened.type).filter((e) => e.data.referralId === referral.body.id)).toHaveLength(1);

    const plan = await asTaf('schoolDsl', 'GET', `/v1/plans/${mine[0].id}`);
    // The referring school is not on the plan until the lead adds it.
    expect(plan.status).toBe(404);
    const asLead = await asTaf('hubTriager', 'GET', `/v1/plans/${mine[0].id}`);
    expect(asLead.body).toMatchObject({
      relationship: 'lead',
      origin: 'referral',
      referralIds: [referral.body.id],
      nextReviewDate: '2027-01-04',
    });
  });
});
