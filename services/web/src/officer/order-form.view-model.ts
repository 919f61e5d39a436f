import { randomUUID } from 'node:crypto';
import type { FormError } from '../errors/field-errors.js';
import { formErrors } from '../errors/form-page.js';
import { dateField, text, type Form, type PageField } from './form-values.js';
import { APPLICANTS, COURT_KINDS, LEGAL_BASES, REQUIREMENT_KINDS } from './order-words.js';
import type { MakeOrder, Requirement } from './parenting.api.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OTHER_KINDS = ['escort-to-school', 'home-between-hours', 'attend-meetings', 'other'] as const;

/** The page recording an order as the court made it: one form, every statutory limit checked by the service. */
export function orderFormPage(form: Form, errors: FormError[] = []) {
  const value = (name: string) => text(form, name);
  const radio = (name: string, words: Record<string, string>, hints: Record<string, string> = {}) =>
    Object.entries(words).map(([code, words]) => ({
      value: code,
      text: words,
      checked: value(name) === code,
      ...(hints[code] ? { hint: { text: hints[code] } } : {}),
    }));
  return {
    pageTitle: errors.length ? 'Error: Record a parenting order' : 'Record a parenting order',
    values: Object.fromEntries(Object.keys(form).map((k) => [k, value(k)])),
    familyId: UUID.test(value('familyId')) ? value('familyId') : '',
    idempotencyKey: UUID.test(value('idempotencyKey')) ? value('idempotencyKey') : randomUUID(),
    legalBases: Object.entries(LEGAL_BASES).map(([code, basis]) => ({
      value: code,
      text: basis.title,
      hint: { text: basis.hint },
      checked: value('legalBasis') === code,
    })),
    applicants: radio('applicant', APPLICANTS),
    courtKinds: radio('courtKind', COURT_KINDS),
    previousOrder: [
      { value: 'yes', text: 'Yes', checked: value('previousParentingOrder') === 'yes' },
      { value: 'no', text: 'No', checked: value('previousParentingOrder') === 'no' },
    ],
    settings: [
      { value: 'non-residential', text: 'Non-residential', checked: value('programmeSetting') !== 'residential' },
      { value: 'residential', text: 'Residential', checked: value('programmeSetting') === 'residential' },
    ],
    findings: [
      {
        value: 'more-effective',
        text: 'A residential programme is likely to be more effective than a non-residential one',
        checked: [form.findings].flat().includes('more-effective'),
      },
      {
        value: 'proportionate',
        text: 'The interference with family life is proportionate',
        checked: [form.findings].flat().includes('proportionate'),
      },
    ],
    otherKinds: [
      { value: '', text: 'None' },
      ...OTHER_KINDS.map((k) => ({ value: k, text: REQUIREMENT_KINDS[k], selected: value('otherKind') === k })),
    ],
    ...formErrors(errors),
  };
}

export interface ParsedOrder {
  order: MakeOrder;
  /** Where each field the service may name is on this page. */
  fields: Record<string, PageField>;
}

/**
 * The form as the order the service records, or what is missing. The limits themselves (12 months,
 * 3 months, the programme and the residential findings) are the service's rules: its answer is shown.
 */
export function parseOrderForm(form: Form): { ok: true; value: ParsedOrder } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const need = (name: string, message: string) => {
    const v = text(form, name);
    if (!v) errors.push({ field: name, text: message });
    return v;
  };
  const legalBasis = need('legalBasis', 'Select the legal basis the court made the order under');
  const applicant = need('applicant', 'Select who applied for the order');
  const courtKind = need('courtKind', 'Select the kind of court');
  const courtName = need('courtName', 'Enter the name of the court');
  const madeOn = dateField(form, 'madeOn', 'the date the order was made', errors);
  const grounds = need('grounds', 'Enter why the court made the order');
  const previous = need('previousParentingOrder', 'Select whether the parent has had a parenting order before');
  const childGivenName = need('childGivenName', "Enter the child's first name");
  const childFamilyName = need('childFamilyName', "Enter the child's last name");
  const parentGivenName = need('parentGivenName', "Enter the parent's first name");
  const parentFamilyName = need('parentFamilyName', "Enter the parent's last name");

  const fields: Record<string, PageField> = {
    legalBasis: { id: 'legalBasis', label: 'legal basis' },
    applicant: { id: 'applicant', label: 'who applied' },
    courtKind: { id: 'courtKind', label: 'kind of court' },
    courtName: { id: 'courtName', label: 'name of the court' },
    madeOn: { id: 'madeOn-day', label: 'the date the order was made' },
    grounds: { id: 'grounds', label: 'why the court made the order' },
    'children[0].givenName': { id: 'childGivenName', label: "child's first name" },
    'children[0].familyName': { id: 'childFamilyName', label: "child's last name" },
    'parents[0].givenName': { id: 'parentGivenName', label: "parent's first name" },
    'parents[0].familyName': { id: 'parentFamilyName', label: "parent's last name" },
    requirements: { id: 'programmeDescription', label: 'the parenting programme' },
  };
  const requirements: Requirement[] = [];
  const programmeDescription = text(form, 'programmeDescription');
  const residential = text(form, 'programmeSetting') === 'residential';
  if (programmeDescription) {
    const startsOn = dateField(form, 'programmeStartsOn', 'the date the programme starts', errors);
    const endsOn = dateField(form, 'programmeEndsOn', 'the date the programme ends', errors);
    const i = requirements.length;
    fields[`requirements[${i}].description`] = { id: 'programmeDescription', label: 'the programme' };
    fields[`requirements[${i}].startsOn`] = { id: 'programmeStartsOn-day', label: 'the date the programme starts' };
    fields[`requirements[${i}].endsOn`] = { id: 'programmeEndsOn-day', label: 'the date the programme ends' };
    fields[`requirements[${i}].setting`] = { id: 'programmeSetting', label: 'the programme setting' };
    requirements.push({
      kind: 'programme',
      description: programmeDescription,
      startsOn: startsOn ?? '',
      endsOn: endsOn ?? '',
      setting: residential ? 'residential' : 'non-residential',
    });
  }
  const otherKind = text(form, 'otherKind');
  if (otherKind) {
    const description = need('otherDescription', 'Enter what the other requirement asks of the parent');
    const startsOn = dateField(form, 'otherStartsOn', 'the date the other requirement starts', errors);
    const endsOn = dateField(form, 'otherEndsOn', 'the date the other requirement ends', errors);
    const i = requirements.length;
    fields[`requirements[${i}].description`] = { id: 'otherDescription', label: 'the other requirement' };
    fields[`requirements[${i}].startsOn`] = { id: 'otherStartsOn-day', label: 'the date the other requirement starts' };
    fields[`requirements[${i}].endsOn`] = { id: 'otherEndsOn-day', label: 'the date the other requirement ends' };
    requirements.push({
      kind: otherKind as Requirement['kind'],
      description,
      startsOn: startsOn ?? '',
      endsOn: endsOn ?? '',
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const findings = [form.findings].flat();
  const familyId = text(form, 'familyId');
  return {
    ok: true,
    value: {
      fields,
      order: {
        // An order for a family Baton does not know yet starts a family record of its own.
        familyId: UUID.test(familyId) ? familyId : randomUUID(),
        legalBasis: legalBasis as MakeOrder['legalBasis'],
        applicant: applicant as MakeOrder['applicant'],
        courtKind: courtKind as MakeOrder['courtKind'],
        courtName,
        madeOn: madeOn!,
        grounds,
        previousParentingOrder: previous === 'yes',
        children: [{ personId: randomUUID(), givenName: childGivenName, familyName: childFamilyName }],
        parents: [{ personId: randomUUID(), givenName: parentGivenName, familyName: parentFamilyName }],
        requirements,
        ...(residential && programmeDescription
          ? {
              residentialFindings: {
                moreEffectiveThanNonResidential: findings.includes('more-effective'),
                interferenceWithFamilyLifeProportionate: findings.includes('proportionate'),
              },
            }
          : {}),
      },
    },
  };
}
