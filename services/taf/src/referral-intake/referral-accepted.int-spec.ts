import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { PlanEvents, subjectFor, ReferralEvents, type CloudEvent } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient, waitUntil } from '../testing/http-client.js';
import { referralDecided } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

// Friday 20 November 2026, 10:00 in London.
const FRIDAY_MORNING = new Date('2026-11-20T10:00:00Z');

describe('a referral accepted for early help becomes a plan', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let tap: EventTap;
  let db: pg.Client;
  let nc: NatsConnection;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-referral-accepted');
    service = await startTafTestApp(infra, FRIDAY_MORNING);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    nc = await connect({ servers: infra.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await tap?.close();
    await service?.close();
    await infra?.dispose();
  });

  async function publish(event: CloudEvent, msgID = event.id): Promise<void> {
    const subject = subjectFor(infra.subjectPrefix, event.tenant, ReferralEvents.decided);
    await jetstream(nc).publish(subject, JSON.stringify(event), { msgID });
  }

  async function handled(eventId: string): Promise<boolean> {
    const { rows } = await db.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId]);
    return rows.length > 0;
  }

  async function plansOfReferral(referralId: string): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM plan WHERE $1 = ANY(referral_ids)', [referralId]);
    return rows.map((r) => r.id);
  }

  it('opens exactly one plan with a named lead professional, even when the decision arrives twice', async () => {
    const decided = referralDecided();
    await publish(decided, `${decided.id}-first`);
    await publish(decided, `${decided.id}-again`);
    // The same decision re-published as a new event (a replayed outbox, say): still one plan.
    const republished = { ...decided, id: '2b9f7c6e-1d2a-4c3b-8e5f-6a7b8c9d0e1f' };
    await publish(republished);
    await waitUntil(
      'both event ids handled',
      async () => (await handled(decided.id)) && (await handled(republished.id)),
    );

    const plans = await plansOfReferral(decided.data.referralId);
    expect(plans).toHaveLength(1);
    const opened = await tap.waitFor((e) => e.type === PlanEvents.opened.type && e.subject === plans[0]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tap.ofType(PlanEvents.opened.type).filter((e) => e.subject === plans[0])).toHaveLength(1);
    expect(opened.natsSubject).toBe(`${infra.subjectPrefix}.demo.plan.opened`);
    expect(opened.familyid).toBe(decided.data.familyId);
    expect(opened.data).toMatchObject({
      planId: plans[0],
      familyId: decided.data.familyId,
      planVersion: 1,
      origin: 'referral',
      referralId: decided.data.referralId,
      plan: {
        status: 'open',
        levelOfNeed: 3,
        // The triager who accepted holds the baton until a handover; her contact comes from the tenant.
        lead: {
          professional: {
            personId: 'hub-triager',
            name: 'Tamsin Quillfeather',
            agencyId: 'demo-early-help-hub',
            agencyName: 'Demo Early Help Hub',
            role: 'Early help practitioner',
            email: 'tamsin.quillfeather@demo-borough.example.org',
            phone: '01632 960101',
          },
          since: '2026-11-20T10:00:00.000Z',
        },
        members: [expect.objectContaining({ agencyId: 'demo-early-help-hub', role: 'Early help practitioner' })],
        // Six weeks on is Friday 1 January 2027, New Year's Day: the review moves to Monday 4 January.
        nextReviewDate: '2027-01-04',
        reviewCadenceWeeks: 6,
        children: [expect.objectContaining({ givenName: 'Alfie', dateOfBirth: '2016-04-12' })],
      },
    });

    const asLead = await call('hubTriager', 'GET', `/v1/plans/${plans[0]}`);
    expect(asLead.status).toBe(200);
    expect(asLead.body).toMatchObject({
      relationship: 'lead',
      lead: { professional: { name: 'Tamsin Quillfeather' } },
    });
  });

  it('joins a new concern about a child already in an open plan to that plan, and tells its lead', async () => {
    const first = referralDecided({
      children: [
        { childId: crypto.randomUUID(), givenName: 'Maisie', familyName: 'Fernwood', dateOfBirth: '2019-02-03' },
      ],
    });
    await publish(first);
    await waitUntil('the first decision handled', () => handled(first.id));
    const [planId] = await plansOfReferral(first.data.referralId);

    const sibling = crypto.randomUUID();
    const second = referralDecided({
      allocatedWorkerId: 'csc-duty',
      children: [
        // The same child, keyed with different case and accents by another referrer.
        { childId: crypto.randomUUID(), givenName: 'MAISIE', familyName: 'Fërnwood', dateOfBirth: '2019-02-03' },
        { childId: sibling, givenName: 'Theo', familyName: 'Fernwood', dateOfBirth: '2021-07-30' },
      ],
    });
    await publish(second);
    await waitUntil('the second decision handled', () => handled(second.id));

    expect(await plansOfReferral(second.data.referralId)).toEqual([planId]);
    const joined = await tap.waitFor((e) => e.type === PlanEvents.concernJoined.type && e.subject === planId);
    expect(joined.data).toMatchObject({
      referralId: second.data.referralId,
      planVersion: 2,
      addedChildIds: [sibling],
      plan: {
        lead: { professional: { personId: 'hub-triager' } },
        referralIds: [first.data.referralId, second.data.referralId],
      },
    });
    expect((joined.data.plan as { children: unknown[] }).children).toHaveLength(2);
  });

  it('opens no plan for other outcomes, nor without the family agreeing to sharing', async () => {
    const signposted = referralDecided({ outcome: 'signpost-universal', levelOfNeed: 1 });
    const unagreed = referralDecided({
      consent: { status: 'not-sought', sharingAgreed: false, lawfulBasis: 'public-task-children-act-2004-s10' },
    });
    await publish(signposted);
    await publish(unagreed);
    await waitUntil('both handled', async () => (await handled(signposted.id)) && (await handled(unagreed.id)));
    expect(await plansOfReferral(signposted.data.referralId)).toEqual([]);
    expect(await plansOfReferral(unagreed.data.referralId)).toEqual([]);
  });
});
