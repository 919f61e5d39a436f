import {
  agencyViewsClient,
  eventsOf,
  referralsClient,
  tafClient,
  type AgencyViewsClient,
  type ReferralsClient,
  type TafClient,
} from '@baton/api-client';
import { ApiContract, provisionTestInfra, type TestInfra, type TestTokenClaims } from '@baton/testing';
import type { Middleware } from 'openapi-fetch';
import { startSystem, type RunningSystem } from './support/running-system.js';

// Tuesday 24 November 2026, 10:00 in London.
const TUESDAY = new Date('2026-11-24T10:00:00Z');

/** Invented people of the demo tenant (config/tenants/demo.json). */
const PEOPLE = {
  school: { sub: 'school-dsl', name: 'Priya Lanternby', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] },
  hub: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  adult: { sub: 'adult-worker', name: 'Callum Dewbury', agency_id: 'demo-adult-services', roles: ['practitioner'] },
} satisfies Record<string, Omit<TestTokenClaims, 'tenant'>>;
type Person = keyof typeof PEOPLE;

/** Holds every answer the client gets to the service's committed document, as the int-specs' clients do. */
function heldTo(service: string): Middleware {
  return {
    async onResponse({ request, response }) {
      const text = await response.clone().text();
      const contentType = response.headers.get('content-type');
      const body = text && contentType?.includes('json') ? JSON.parse(text) : undefined;
      ApiContract.of(service).check({
        method: request.method,
        url: request.url,
        status: response.status,
        contentType,
        body,
      });
      return response;
    },
  };
}

describe('an agency system on the typed client: referral, plan and agency view, reading its own writes', () => {
  let infra: TestInfra;
  let system: RunningSystem;
  const as = (person: Person) => ({ token: () => system.token(PEOPLE[person]) });
  let referrals: (person: Person) => ReferralsClient;
  let taf: (person: Person) => TafClient;
  let views: (person: Person) => AgencyViewsClient;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-typed-client');
    system = await startSystem(infra, TUESDAY);
    const checked = <C extends { use(m: Middleware): void }>(client: C, service: string): C => {
      client.use(heldTo(service));
      return client;
    };
    referrals = (p) => checked(referralsClient({ baseUrl: system.urls.referrals, ...as(p) }), 'referrals');
    taf = (p) => checked(tafClient({ baseUrl: system.urls.taf, ...as(p) }), 'taf');
    views = (p) => checked(agencyViewsClient({ baseUrl: system.urls['agency-views'], ...as(p) }), 'agency-views');
  });

  afterAll(async () => {
    await system?.close();
    await infra?.dispose();
  });

  it('sees each write in the agency view at once, by the events the write named (no polling)', async () => {
    const referral = await referrals('school').POST('/v1/referrals', {
      body: {
        source: { kind: 'practitioner', agencyId: 'demo-oakfield-primary', name: 'Priya Lanternby' },
        sourceCode: '2A',
        family: {
          children: [{ givenName: 'Rosa', familyName: 'Fernhollow', dateOfBirth: '2015-09-01' }],
          carers: [{ givenName: 'Ines', familyName: 'Fernhollow', relationship: 'mother' }],
        },
        concerns: { summary: 'Rosa has missed eleven days this half term.', categories: ['education'] },
        proposedLevelOfNeed: 2,
        consent: { status: 'given', sharingAgreed: true },
      },
    });
    expect(referral.response.status).toBe(201);
    if (referral.data === undefined) throw new Error('no referral');
    const familyId = referral.data.familyId;
    const received = eventsOf(referral.response);
    expect(received).toHaveLength(1);

    // The school reads its own referral in its view of the family as soon as the views have applied it.
    const schoolView = await views('school').GET('/v1/families/{familyId}', {
      params: { path: { familyId }, query: { after: received.join(','), waitMs: 10_000 } },
    });
    expect(schoolView.response.status).toBe(200);
    expect(schoolView.data?.openReferrals).toEqual([
      expect.objectContaining({ referralId: referral.data.id, status: 'received' }),
    ]);

    // The early help hub opens a plan for the family, leading it and with the school on the team.
    const opened = await taf('hub').POST('/v1/plans', {
      body: {
        familyId,
        levelOfNeed: 2,
        children: [{ givenName: 'Rosa', familyName: 'Fernhollow', dateOfBirth: '2015-09-01' }],
        carers: [{ givenName: 'Ines', familyName: 'Fernhollow', relationship: 'mother' }],
        lead: {
          personId: 'hub-triager',
          name: 'Tamsin Quillfeather',
          agencyId: 'demo-early-help-hub',
          role: 'Early help practitioner',
          email: 'tamsin.quillfeather@demo-borough.example.org',
        },
        familyAgreement: { agreedAt: '2026-11-24T09:30:00Z', recordedAs: 'signed plan agreement at school' },
        members: [{ agencyId: 'demo-oakfield-primary', contactName: 'Priya Lanternby', role: 'designated lead' }],
      },
    });
    expect(opened.response.status).toBe(201);
    if (opened.data === undefined) throw new Error('no plan');
    const planId = opened.data.id;

    const withPlan = await views('school').GET('/v1/families/{familyId}', {
      params: { path: { familyId }, query: { after: eventsOf(opened.response).join(',') } },
    });
    expect(withPlan.data?.plan).toMatchObject({ planId, status: 'open' });
    expect(withPlan.data?.leadProfessional).toMatchObject({ name: 'Tamsin Quillfeather' });

    // The hub hands the lead to adult services, who accept; the school's next read names the new lead.
    system.clock.advance(60_000);
    const proposed = await taf('hub').POST('/v1/plans/{planId}/handovers', {
      params: { path: { planId }, header: { 'If-Match': opened.response.headers.get('etag') ?? '' } },
      body: {
        proposedLead: {
          personId: 'adult-worker',
          name: 'Callum Dewbury',
          agencyId: 'demo-adult-services',
          role: 'Family support worker',
          email: 'callum.dewbury@demo-borough.example.org',
        },
        familyPreference: { preference: 'agrees' },
      },
    });
    expect(proposed.response.status).toBe(201);
    const handoverId = proposed.data?.pendingHandover?.handoverId ?? '';
    system.clock.advance(60_000);
    const accepted = await taf('adult').POST('/v1/plans/{planId}/handovers/{handoverId}/acceptance', {
      params: { path: { planId, handoverId }, header: { 'If-Match': proposed.response.headers.get('etag') ?? '' } },
    });
    expect(accepted.response.status).toBe(200);
    const leadChanged = eventsOf(accepted.response);
    expect(leadChanged.length).toBeGreaterThan(0);

    const afterHandover = await views('school').GET('/v1/families/{familyId}', {
      params: { path: { familyId }, query: { after: leadChanged.join(',') } },
    });
    expect(afterHandover.data?.leadProfessional).toMatchObject({
      name: 'Callum Dewbury',
      agencyId: 'demo-adult-services',
    });
    expect(Number(afterHandover.response.headers.get('baton-position'))).toBeGreaterThanOrEqual(
      afterHandover.data?.position ?? Number.POSITIVE_INFINITY,
    );
  });

  it('answers 503 not-yet-applied, with Retry-After, for an event the views have not seen', async () => {
    const unknown = '9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
    const answer = await views('school').GET('/v1/families/{familyId}', {
      params: { path: { familyId: unknown }, query: { after: unknown, waitMs: 200 } },
    });
    expect(answer.response.status).toBe(503);
    expect(answer.response.headers.get('retry-after')).toBe('1');
    expect(answer.error).toMatchObject({ type: 'https://baton.dev/problems/not-yet-applied', status: 503 });
  });
});
