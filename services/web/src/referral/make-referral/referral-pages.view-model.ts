import { formErrors } from '../../errors/form-page.js';
import type { FormError } from '../../errors/field-errors.js';
import { longDate } from '../../layout/dates.js';
import type { LevelOfNeedLabel } from '../referrals.api.js';
import {
  isCodeOf,
  CONCERN_WORDS,
  CONSENT_WORDS,
  LAWFUL_BASIS_WORDS,
  PRACTITIONER_SOURCES,
  USUAL_SOURCE_BY_AGENCY_KIND,
  sourceWords,
} from '../referral-words.js';
import type { Form, ReferralDraft } from './referral-draft.js';

const BASE = '/referrals/new';

export interface QuestionPage {
  pageTitle: string;
  backHref: string;
  action: string;
  values: Form;
  [key: string]: unknown;
}

type Item = { value: string; text: string; hint?: { text: string }; checked?: boolean };

export function sourcePage(draft: ReferralDraft, agencyKind: string | undefined, errors?: FormError[], form?: Form) {
  const usual = agencyKind ? USUAL_SOURCE_BY_AGENCY_KIND[agencyKind] : undefined;
  const selected = (form?.sourceCode as string | undefined) ?? draft.sourceCode ?? usual;
  const items: Item[] = PRACTITIONER_SOURCES.map((s) => ({
    value: s.code,
    text: s.words,
    checked: s.code === selected,
  }));
  return {
    pageTitle: 'Where does this referral come from?',
    backHref: '/',
    action: `${BASE}/source`,
    items,
    ...formErrors(errors),
  };
}

export function childPage(index: number | undefined, draft: ReferralDraft, errors?: FormError[], form?: Form) {
  const child = index === undefined ? undefined : draft.children[index];
  const values: Form = form ?? {
    givenName: child?.givenName,
    familyName: child?.familyName,
    born: child ? (child.expectedDateOfBirth ? 'no' : 'yes') : undefined,
    ...dateParts('dateOfBirth', child?.dateOfBirth),
    ...dateParts('expectedDateOfBirth', child?.expectedDateOfBirth),
  };
  return {
    pageTitle: draft.children.length === 0 ? 'About the child' : 'About another child',
    backHref: draft.children.length === 0 ? `${BASE}/source` : `${BASE}/children`,
    action: index === undefined ? `${BASE}/child` : `${BASE}/child/${index}`,
    values,
    ...formErrors(errors),
  };
}

export function childrenPage(draft: ReferralDraft, errors?: FormError[]) {
  return {
    pageTitle:
      draft.children.length === 1 ? 'You have added 1 child' : `You have added ${draft.children.length} children`,
    backHref: `${BASE}/child/${draft.children.length - 1}`,
    action: `${BASE}/children`,
    rows: draft.children.map((child, index) => ({
      key: { text: `${child.givenName} ${child.familyName}` },
      value: {
        text: child.dateOfBirth ? `Born ${longDate(child.dateOfBirth)}` : `Due ${longDate(child.expectedDateOfBirth)}`,
      },
      actions: {
        items: [
          {
            href: `${BASE}/child/${index}`,
            text: 'Change',
            visuallyHiddenText: `${child.givenName} ${child.familyName}`,
          },
        ],
      },
    })),
    ...formErrors(errors),
  };
}

export function carerPage(index: number | undefined, draft: ReferralDraft, errors?: FormError[], form?: Form) {
  const carer = index === undefined ? undefined : draft.carers[index];
  return {
    pageTitle: draft.carers.length === 0 ? 'About a parent or carer' : 'About another parent or carer',
    backHref: draft.carers.length === 0 ? `${BASE}/children` : `${BASE}/carers`,
    action: index === undefined ? `${BASE}/carer` : `${BASE}/carer/${index}`,
    values: form ?? { ...carer },
    ...formErrors(errors),
  };
}

export function carersPage(draft: ReferralDraft, errors?: FormError[]) {
  return {
    pageTitle:
      draft.carers.length === 1
        ? 'You have added 1 parent or carer'
        : `You have added ${draft.carers.length} parents or carers`,
    backHref: `${BASE}/carer/${draft.carers.length - 1}`,
    action: `${BASE}/carers`,
    rows: draft.carers.map((carer, index) => ({
      key: { text: `${carer.givenName} ${carer.familyName}` },
      value: { text: carer.relationship },
      actions: {
        items: [
          {
            href: `${BASE}/carer/${index}`,
            text: 'Change',
            visuallyHiddenText: `${carer.givenName} ${carer.familyName}`,
          },
        ],
      },
    })),
    ...formErrors(errors),
  };
}

export function concernsPage(draft: ReferralDraft, errors?: FormError[], form?: Form) {
  const chosen = form ? [form.categories ?? []].flat() : (draft.concerns?.categories ?? []);
  return {
    pageTitle: 'What are you worried about?',
    backHref: draft.carers.length > 0 ? `${BASE}/carers` : `${BASE}/children`,
    action: `${BASE}/concerns`,
    categories: Object.entries(CONCERN_WORDS).map(([value, text]) => ({
      value,
      text,
      checked: chosen.includes(value),
    })),
    values: form ?? { summary: draft.concerns?.summary, urgency: draft.urgency },
    ...formErrors(errors),
  };
}

export function levelPage(draft: ReferralDraft, levels: LevelOfNeedLabel[], errors?: FormError[], form?: Form) {
  const selected = Number(form?.proposedLevelOfNeed ?? draft.proposedLevelOfNeed);
  return {
    pageTitle: 'What level of need do you think applies?',
    backHref: `${BASE}/concerns`,
    action: `${BASE}/level-of-need`,
    items: levels.map((l) => ({
      value: String(l.level),
      text: l.label,
      hint: { text: l.description },
      checked: l.level === selected,
    })),
    ...formErrors(errors),
  };
}

export function consentPage(draft: ReferralDraft, lawfulBases: string[], errors?: FormError[], form?: Form) {
  const consent = draft.consent;
  const values: Form = form ?? {
    status: consent?.status,
    sharingAgreed: consent ? (consent.sharingAgreed ? 'yes' : 'no') : undefined,
    lawfulBasis: consent?.lawfulBasis,
    reason: consent?.reason,
  };
  return {
    pageTitle: 'Consent and sharing',
    backHref: `${BASE}/level-of-need`,
    action: `${BASE}/consent`,
    statuses: Object.entries(CONSENT_WORDS).map(([value, text]) => ({ value, text, checked: values.status === value })),
    lawfulBases: lawfulBases.map((value) => ({
      value,
      text: isCodeOf(LAWFUL_BASIS_WORDS, value) ? LAWFUL_BASIS_WORDS[value] : value,
      checked: values.lawfulBasis === value,
    })),
    values,
    ...formErrors(errors),
  };
}

/** GOV.UK check answers: every answer with a Change link back to its question. */
export function checkAnswersPage(
  draft: ReferralDraft,
  levels: LevelOfNeedLabel[],
  referrer: { name: string; agencyName: string },
  errors?: FormError[],
) {
  const row = (key: string, value: string, href: string, hidden = key.toLowerCase()) => ({
    key: { text: key },
    value: { text: value },
    actions: { items: [{ href: `${href}?change=yes`, text: 'Change', visuallyHiddenText: hidden }] },
  });
  const consent = draft.consent!;
  const rows = [
    { key: { text: 'Referred by' }, value: { text: `${referrer.name}, ${referrer.agencyName}` } },
    row('Where it comes from', sourceWords(draft.sourceCode!), `${BASE}/source`),
    ...draft.children.map((c, i) =>
      row(
        `Child ${i + 1}`,
        `${c.givenName} ${c.familyName}, ${c.dateOfBirth ? `born ${longDate(c.dateOfBirth)}` : `due ${longDate(c.expectedDateOfBirth)}`}`,
        `${BASE}/child/${i}`,
        `child ${i + 1}`,
      ),
    ),
    ...draft.carers.map((c, i) =>
      row(
        `Parent or carer ${i + 1}`,
        `${c.givenName} ${c.familyName} (${c.relationship})`,
        `${BASE}/carer/${i}`,
        `parent or carer ${i + 1}`,
      ),
    ),
    row(
      'Areas of concern',
      draft.concerns!.categories.map((c) => CONCERN_WORDS[c] ?? c).join(', '),
      `${BASE}/concerns`,
    ),
    row('What you are worried about', draft.concerns!.summary, `${BASE}/concerns`),
    row('How urgent', draft.urgency === 'urgent' ? 'Urgent' : 'Routine', `${BASE}/concerns`),
    row(
      'Level of need',
      levels.find((l) => l.level === draft.proposedLevelOfNeed)?.label ?? String(draft.proposedLevelOfNeed),
      `${BASE}/level-of-need`,
    ),
    row('Family agreed to the referral', CONSENT_WORDS[consent.status] ?? consent.status, `${BASE}/consent`),
    row('Family agreed to sharing', consent.sharingAgreed ? 'Yes' : 'No', `${BASE}/consent`),
    ...(consent.lawfulBasis
      ? [
          row('Lawful basis', LAWFUL_BASIS_WORDS[consent.lawfulBasis] ?? consent.lawfulBasis, `${BASE}/consent`),
          row('Why without consent', consent.reason ?? '', `${BASE}/consent`),
        ]
      : []),
  ];
  return {
    pageTitle: 'Check your answers before sending the referral',
    backHref: `${BASE}/consent`,
    action: `${BASE}/check-answers`,
    rows,
    ...formErrors(errors),
  };
}

function dateParts(prefix: string, date: string | undefined): Form {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  };
}
