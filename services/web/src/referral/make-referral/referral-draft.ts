import type { FormError } from '../../errors/field-errors.js';
import { calendarDateFrom } from '../../layout/dates.js';
import type { CarerAnswer, ChildAnswer, NewReferral } from '../referrals.api.js';
import { CONCERN_WORDS, CONSENT_WORDS, isCodeOf, LAWFUL_BASIS_WORDS, PRACTITIONER_SOURCES } from '../referral-words.js';

/** What has been answered so far, kept in the session until the referral is sent. */
export interface ReferralDraft {
  /** Also the Idempotency-Key: sending twice (a double click, Back then Send) makes one referral. */
  id: string;
  sourceCode?: NewReferral['sourceCode'];
  children: ChildAnswer[];
  carers: CarerAnswer[];
  concerns?: NewReferral['concerns'];
  urgency?: 'routine' | 'urgent';
  proposedLevelOfNeed?: number;
  consent?: NewReferral['consent'];
}

export type Form = Record<string, string | string[] | undefined>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[]; form: Form };

const text = (form: Form, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};
const list = (form: Form, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
};

function result<T>(errors: FormError[], form: Form, value: () => T): Parsed<T> {
  return errors.length > 0 ? { ok: false, errors, form } : { ok: true, value: value() };
}

export function parseSource(form: Form): Parsed<NewReferral['sourceCode']> {
  const code = text(form, 'sourceCode');
  const known = PRACTITIONER_SOURCES.find((s) => s.code === code)?.code;
  return known
    ? { ok: true, value: known }
    : { ok: false, errors: [{ field: 'sourceCode', text: 'Select where this referral comes from' }], form };
}

/** A GOV.UK date input's three fields as a calendar date, or a message saying what is wrong. */
function calendarDate(form: Form, prefix: string, label: string): { date?: string; error?: string } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `${prefix}-${part}`));
  if (!day && !month && !year) return { error: `Enter ${label}` };
  if (!day || !month || !year) return { error: `${capitalise(label)} must include a day, month and year` };
  const date = calendarDateFrom(day, month, year);
  return date ? { date } : { error: `${capitalise(label)} must be a real date` };
}

export function parseChild(form: Form): Parsed<ChildAnswer> {
  const errors: FormError[] = [];
  const givenName = text(form, 'givenName');
  const familyName = text(form, 'familyName');
  if (!givenName) errors.push({ field: 'givenName', text: "Enter the child's first name" });
  if (!familyName) errors.push({ field: 'familyName', text: "Enter the child's last name" });
  const born = text(form, 'born');
  let dates: Pick<ChildAnswer, 'dateOfBirth' | 'expectedDateOfBirth'> = {};
  if (born === 'yes') {
    const { date, error } = calendarDate(form, 'dateOfBirth', 'date of birth');
    if (error) errors.push({ field: 'dateOfBirth-day', text: error });
    dates = { dateOfBirth: date };
  } else if (born === 'no') {
    const { date, error } = calendarDate(form, 'expectedDateOfBirth', 'the due date');
    if (error) errors.push({ field: 'expectedDateOfBirth-day', text: error });
    dates = { expectedDateOfBirth: date };
  } else {
    errors.push({ field: 'born', text: 'Select whether the child has been born' });
  }
  return result(errors, form, () => ({ givenName, familyName, ...dates }));
}

export function parseCarer(form: Form): Parsed<CarerAnswer> {
  const errors: FormError[] = [];
  const givenName = text(form, 'givenName');
  const familyName = text(form, 'familyName');
  const relationship = text(form, 'relationship');
  const phone = text(form, 'phone');
  if (!givenName) errors.push({ field: 'givenName', text: "Enter the parent or carer's first name" });
  if (!familyName) errors.push({ field: 'familyName', text: "Enter the parent or carer's last name" });
  if (!relationship)
    errors.push({
      field: 'relationship',
      text: 'Enter how they are related to the children, like mother or grandparent',
    });
  if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) {
    errors.push({ field: 'phone', text: 'Enter a telephone number, like 01632 960 001 or 07700 900 982' });
  }
  return result(errors, form, () => ({ givenName, familyName, relationship, ...(phone ? { phone } : {}) }));
}

export function parseConcerns(form: Form): Parsed<NewReferral['concerns'] & { urgency: 'routine' | 'urgent' }> {
  const errors: FormError[] = [];
  const chosen = list(form, 'categories');
  const categories = chosen.filter((c) => isCodeOf(CONCERN_WORDS, c));
  const summary = text(form, 'summary');
  const urgency = text(form, 'urgency');
  if (categories.length === 0 || categories.length < chosen.length)
    errors.push({ field: 'categories', text: 'Select at least one area of concern' });
  if (!summary) errors.push({ field: 'summary', text: 'Enter what you are worried about' });
  if (summary.length > 8000)
    errors.push({ field: 'summary', text: 'What you are worried about must be 8,000 characters or fewer' });
  if (urgency !== 'routine' && urgency !== 'urgent')
    errors.push({ field: 'urgency', text: 'Select how urgent this is' });
  return result(errors, form, () => ({ summary, categories, urgency: urgency as 'routine' | 'urgent' }));
}

export function parseLevel(form: Form): Parsed<number> {
  const level = Number(text(form, 'proposedLevelOfNeed'));
  const ok = [1, 2, 3, 4].includes(level);
  return result(
    ok ? [] : [{ field: 'proposedLevelOfNeed', text: 'Select the level of need you think applies' }],
    form,
    () => level,
  );
}

export function parseConsent(form: Form): Parsed<NewReferral['consent']> {
  const errors: FormError[] = [];
  const status = text(form, 'status');
  const sharing = text(form, 'sharingAgreed');
  const lawfulBasis = text(form, 'lawfulBasis');
  const reason = text(form, 'reason');
  if (!isCodeOf(CONSENT_WORDS, status)) {
    errors.push({ field: 'status', text: 'Select whether the family agreed to this referral' });
  }
  if (sharing !== 'yes' && sharing !== 'no') {
    errors.push({ field: 'sharingAgreed', text: 'Select whether the family agreed to information being shared' });
  }
  const withoutConsent = status === 'refused' || status === 'not-sought';
  if (withoutConsent && !isCodeOf(LAWFUL_BASIS_WORDS, lawfulBasis))
    errors.push({ field: 'lawfulBasis', text: 'Select the lawful basis for referring without consent' });
  if (withoutConsent && !reason)
    errors.push({ field: 'reason', text: 'Enter why the referral goes ahead without consent' });
  if (errors.length > 0 || !isCodeOf(CONSENT_WORDS, status)) return { ok: false, errors, form };
  return {
    ok: true,
    value: {
      status,
      sharingAgreed: sharing === 'yes',
      ...(withoutConsent && isCodeOf(LAWFUL_BASIS_WORDS, lawfulBasis) ? { lawfulBasis, reason } : {}),
    },
  };
}

/** The first question not yet answered, so a person coming back continues where they left off. */
export function nextUnanswered(draft: ReferralDraft): string {
  if (!draft.sourceCode) return 'source';
  if (draft.children.length === 0) return 'child';
  if (!draft.concerns) return 'concerns';
  if (!draft.proposedLevelOfNeed) return 'level-of-need';
  if (!draft.consent) return 'consent';
  return 'check-answers';
}

/** The referral to send, from the draft and the signed-in referrer (never asked: Baton knows who they are). */
export function newReferral(
  draft: ReferralDraft,
  referrer: { agencyId: string; name: string; role?: string },
): NewReferral {
  if (nextUnanswered(draft) !== 'check-answers') throw new Error('The referral is not complete');
  return {
    source: {
      kind: 'practitioner',
      agencyId: referrer.agencyId,
      name: referrer.name,
      ...(referrer.role ? { role: referrer.role } : {}),
    },
    sourceCode: draft.sourceCode!,
    family: { children: draft.children, carers: draft.carers },
    concerns: draft.concerns!,
    proposedLevelOfNeed: draft.proposedLevelOfNeed!,
    consent: draft.consent!,
    urgency: draft.urgency ?? 'routine',
  };
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
