import type { TafApi as Api } from '@baton/api-client';
import type { PersonConfig } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { calendarDateFrom } from '../layout/dates.js';
import { familyName } from '../referral/referral-page.view-model.js';
import type { Referral } from '../referral/referrals.api.js';

export type OpenPlan = Api.components['schemas']['OpenPlanDto'];
export type OpenPlanForm = Record<string, string | undefined>;

/** A plan opens directly only from a referral accepted for early help that opened none (no agreement then). */
export function mayOpenPlanFrom(referral: Referral): boolean {
  const decision = referral.decision;
  const agreed = referral.consent.status === 'given' && referral.consent.sharingAgreed;
  return referral.status === 'decided' && decision?.outcome === 'accept-early-help' && !agreed;
}

/** The triager's answers as taf's direct opening, the family and children taken from the referral (never retyped). */
export function parseOpenPlan(
  form: OpenPlanForm,
  referral: Referral,
  people: PersonConfig[],
  today: string,
): { ok: true; value: OpenPlan } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const lead = people.find((p) => p.personId === form.leadPersonId);
  if (!lead) errors.push({ field: 'leadPersonId', text: 'Choose who will be the lead professional' });
  const [day, month, year] = ['agreedOn-day', 'agreedOn-month', 'agreedOn-year'].map((f) => form[f]?.trim() ?? '');
  const agreedOn = day || month || year ? calendarDateFrom(day!, month!, year!) : undefined;
  if (!day && !month && !year) errors.push({ field: 'agreedOn-day', text: 'Enter the date the family agreed' });
  else if (!agreedOn) errors.push({ field: 'agreedOn-day', text: 'The date the family agreed must be a real date' });
  else if (agreedOn > today)
    errors.push({ field: 'agreedOn-day', text: 'The date the family agreed must be today or in the past' });
  const recordedAs = form.recordedAs?.trim() ?? '';
  if (!recordedAs)
    errors.push({ field: 'recordedAs', text: 'Enter how the family agreed, like in person at a home visit' });
  const level = referral.decision?.levelOfNeed;
  if (level !== 2 && level !== 3) {
    errors.push({
      field: '',
      text: 'A Team Around the Family plan is for early help (levels 2 and 3): change the decision first',
    });
  }
  if (errors.length > 0 || !lead || !agreedOn || (level !== 2 && level !== 3)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      referralId: referral.id,
      familyId: referral.familyId,
      levelOfNeed: level,
      children: referral.family.children.map((c) => ({
        givenName: c.givenName,
        familyName: c.familyName,
        ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}),
        ...(c.expectedDateOfBirth ? { expectedDateOfBirth: c.expectedDateOfBirth } : {}),
        ...(c.nhsNumber ? { nhsNumber: c.nhsNumber } : {}),
      })),
      carers: referral.family.carers.map((c) => ({
        givenName: c.givenName,
        familyName: c.familyName,
        relationship: c.relationship,
      })),
      lead: {
        personId: lead.personId,
        name: lead.name,
        agencyId: lead.agencyId,
        role: lead.jobTitle ?? 'Practitioner',
        email: lead.email,
        ...(lead.phone ? { phone: lead.phone } : {}),
      },
      familyAgreement: { agreedAt: `${agreedOn}T12:00:00Z`, recordedAs },
    },
  };
}

export function openPlanPage(
  referral: Referral,
  people: PersonConfig[],
  values: OpenPlanForm,
  errors: FormError[] = [],
) {
  const chosen = values.leadPersonId || referral.decision?.allocatedWorkerId;
  return {
    pageTitle: `Open a Team Around the Family plan for ${familyName(referral)}`,
    id: referral.id,
    values,
    people: [
      { value: '', text: 'Choose a practitioner' },
      ...people.map((p) => ({
        value: p.personId,
        text: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}`,
        selected: p.personId === chosen,
      })),
    ],
    ...formErrors(errors),
  };
}
