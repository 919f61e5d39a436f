import { newEvent } from '../envelope/new-event.js';
import { validateEvent } from '../envelope/validate-event.js';
import { PlanEvents } from './plan-events.js';
import type { PlanSnapshot } from './plan-summaries.js';

const PLAN = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';
const FAMILY = '5b0c9a57-1d7e-4f0e-9a41-0f3c2a4b7e11';
const OUTCOME = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
const ACTOR = { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' };
const LEAD = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-early-help-hub',
  agencyName: 'Demo Early Help Hub',
  role: 'Family support worker',
  email: 'tamsin.quillfeather@demo-borough.example.org',
};

function snapshot(): PlanSnapshot {
  return {
    status: 'open',
    levelOfNeed: 3,
    origin: 'referral',
    openedAt: '2026-03-02T09:00:00Z',
    referralIds: ['0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60'],
    children: [
      {
        childId: '7a1e2f30-4b5c-4d6e-8f70-8192a3b4c5d6',
        givenName: 'Ada',
        familyName: 'Example',
        dateOfBirth: '2014-06-01',
      },
    ],
    carers: [
      {
        carerId: '9c8b7a60-5d4e-4f3a-9b2c-1d0e9f8a7b6c',
        givenName: 'Sam',
        familyName: 'Example',
        relationship: 'mother',
      },
    ],
    lead: { professional: LEAD, since: '2026-03-02T09:00:00Z' },
    members: [
      {
        memberId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        agencyId: 'demo-early-help-hub',
        agencyName: 'Demo Early Help Hub',
        personId: 'hub-triager',
        contactName: 'Tamsin Quillfeather',
        role: 'lead professional',
        email: LEAD.email,
        joinedAt: '2026-03-02T09:00:00Z',
      },
    ],
    outcomes: [{ outcomeId: OUTCOME, headlineOutcome: 'education', description: 'Ada is at school every day' }],
    actions: [
      {
        actionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
        outcomeId: OUTCOME,
        description: 'Morning routine support',
        ownerAgencyId: 'demo-early-help-hub',
        dueDate: '2026-03-20',
        status: 'in-progress',
        overdue: false,
      },
    ],
    reviewCadenceWeeks: 6,
    nextReviewDate: '2026-04-13',
    agreement: { status: 'agreed', agreedAt: '2026-03-02T09:00:00Z' },
  };
}

function eventOf<T extends object>(definition: { type: string }, data: T): Record<string, unknown> {
  const d = Object.values(PlanEvents).find((e) => e.type === definition.type);
  if (d === undefined) throw new Error(definition.type);
  const event = newEvent(d as typeof PlanEvents.opened, {
    source: 'baton/taf',
    subject: PLAN,
    tenant: 'demo',
    familyid: FAMILY,
    actor: ACTOR.personId,
    data: data as never,
  });
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

const common = () => ({ planId: PLAN, familyId: FAMILY, planVersion: 4, plan: snapshot() });

describe('plan events', () => {
  it('accepts a plan opened from a referral, with the lead professional and its contact in the snapshot', () => {
    const result = validateEvent(
      eventOf(PlanEvents.opened, {
        ...common(),
        origin: 'referral',
        referralId: '0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60',
        openedAt: '2026-03-02T09:00:00Z',
        openedBy: ACTOR,
      }),
    );
    expect(result).toMatchObject({ ok: true, definition: PlanEvents.opened });
  });

  it('refuses a plan event without a plan version, or with a version below 1', () => {
    const { planVersion: _omitted, ...withoutVersion } = common();
    const missing = validateEvent(
      eventOf(PlanEvents.outcomesAgreed, { ...withoutVersion, agreedBy: ACTOR, agreedAt: '2026-03-02T09:00:00Z' }),
    );
    const zero = validateEvent(
      eventOf(PlanEvents.outcomesAgreed, {
        ...common(),
        planVersion: 0,
        agreedBy: ACTOR,
        agreedAt: '2026-03-02T09:00:00Z',
      }),
    );
    expect(missing.ok ? [] : missing.errors).toContain('data.planVersion: must not be less than 1');
    expect(zero.ok ? [] : zero.errors).toEqual(['data.planVersion: must not be less than 1']);
  });

  it('refuses a lead change whose new lead has no contact email', () => {
    const { email: _omitted, ...noEmail } = LEAD;
    const result = validateEvent(
      eventOf(PlanEvents.leadChanged, {
        ...common(),
        handoverId: '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b',
        lead: noEmail,
        previousLead: LEAD,
        effectiveAt: '2026-03-10T10:00:00Z',
        familyPreference: { preference: 'agrees' },
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual(['data.lead.email: must be a string']);
  });

  it('marks stepping up as urgent, in the definition and in every payload', () => {
    expect(PlanEvents.steppedUp.urgent).toBe(true);
    const base = {
      ...common(),
      toAgencyId: 'demo-csc',
      reason: 'risk of significant harm',
      steppedUpAt: '2026-03-10T10:00:00Z',
      steppedUpBy: ACTOR,
    };
    expect(validateEvent(eventOf(PlanEvents.steppedUp, { ...base, urgent: true })).ok).toBe(true);
    expect(validateEvent(eventOf(PlanEvents.steppedUp, { ...base, urgent: false })).ok).toBe(false);
  });

  it('refuses an action in the snapshot with an unknown status', () => {
    const plan = snapshot();
    plan.actions[0].status = 'finished' as never;
    const result = validateEvent(
      eventOf(PlanEvents.actionOverdue, {
        ...common(),
        plan,
        action: { ...plan.actions[0], status: 'in-progress' },
        detectedAt: '2026-03-21T00:00:00Z',
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      'data.plan.actions[0].status: must be one of the following values: not-started, in-progress, done, cancelled',
    ]);
  });

  it('names every plan event baton.plan.<past-tense>.v1, all published by taf', () => {
    expect(Object.values(PlanEvents).map((d) => d.type)).toEqual(
      expect.arrayContaining(['baton.plan.opened.v1', 'baton.plan.lead-changed.v1', 'baton.plan.review-overdue.v1']),
    );
    expect(Object.values(PlanEvents).every((d) => d.aggregate === 'plan' && d.version === 1)).toBe(true);
  });
});
