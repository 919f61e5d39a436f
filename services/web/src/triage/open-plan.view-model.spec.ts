import type { PersonConfig } from '@baton/tenancy';
import type { Referral } from '../referral/referrals.api.js';
import { mayOpenPlanFrom, parseOpenPlan } from './open-plan.view-model.js';

const tamsin = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  email: 'tamsin@example.org',
  agencyId: 'demo-early-help-hub',
  roles: ['triager', 'practitioner'],
  jobTitle: 'Early help practitioner',
} as PersonConfig;

const referral = (consent: Partial<Referral['consent']>, outcome = 'accept-early-help', levelOfNeed = 3) =>
  ({
    id: '6a0c2a1e-0000-4000-8000-000000000001',
    familyId: '6a0c2a1e-0000-4000-8000-000000000002',
    status: 'decided',
    consent: { status: 'refused', sharingAgreed: false, recordedAt: '2026-12-01T10:00:00Z', ...consent },
    decision: { outcome, levelOfNeed },
    family: {
      children: [{ childId: 'c1', givenName: 'Alfie', familyName: 'Larkspur', dateOfBirth: '2016-04-12' }],
      carers: [
        { carerId: 'k1', givenName: 'Jo', familyName: 'Larkspur', relationship: 'mother', phone: '01632 960 001' },
      ],
    },
  }) as Referral;

describe('opening a plan from triage', () => {
  it('is offered only for an acceptance for early help that opened no plan, for want of agreement', () => {
    expect(mayOpenPlanFrom(referral({}))).toBe(true);
    expect(mayOpenPlanFrom(referral({ status: 'given', sharingAgreed: true }))).toBe(false);
    expect(mayOpenPlanFrom(referral({}, 'signpost-universal'))).toBe(false);
  });

  it('takes the family from the referral and the lead from the directory, never retyped', () => {
    const parsed = parseOpenPlan(
      {
        leadPersonId: 'hub-triager',
        'agreedOn-day': '3',
        'agreedOn-month': '12',
        'agreedOn-year': '2026',
        recordedAs: 'In person at a home visit',
      },
      referral({}),
      [tamsin],
      '2026-12-04',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        referralId: '6a0c2a1e-0000-4000-8000-000000000001',
        familyId: '6a0c2a1e-0000-4000-8000-000000000002',
        levelOfNeed: 3,
        children: [{ givenName: 'Alfie', familyName: 'Larkspur', dateOfBirth: '2016-04-12' }],
        carers: [{ givenName: 'Jo', familyName: 'Larkspur', relationship: 'mother' }],
        lead: {
          personId: 'hub-triager',
          name: 'Tamsin Quillfeather',
          agencyId: 'demo-early-help-hub',
          role: 'Early help practitioner',
          email: 'tamsin@example.org',
        },
        familyAgreement: { agreedAt: '2026-12-03T12:00:00Z', recordedAs: 'In person at a home visit' },
      },
    });
  });

  it('says what is missing or wrong in plain English', () => {
    const parsed = parseOpenPlan(
      { 'agreedOn-day': '5', 'agreedOn-month': '12', 'agreedOn-year': '2026' },
      referral({}),
      [tamsin],
      '2026-12-04',
    );
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.text)).toEqual([
      'Choose who will be the lead professional',
      'The date the family agreed must be today or in the past',
      'Enter how the family agreed, like in person at a home visit',
    ]);
  });
});
