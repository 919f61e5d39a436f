import type { ProblemDetails } from '@baton/http-api';
import { sentence, type FormError } from '../../errors/field-errors.js';

const BASE = '/referrals/new';

const CHILD_FIELDS: Record<string, string> = {
  givenName: "child's first name",
  familyName: "child's last name",
  dateOfBirth: 'date of birth',
  expectedDateOfBirth: 'due date',
  nhsNumber: 'NHS number',
};
const CARER_FIELDS: Record<string, string> = {
  givenName: "parent or carer's first name",
  familyName: "parent or carer's last name",
  relationship: 'relationship to the children',
  phone: 'telephone number',
};
const OTHER_FIELDS: Record<string, { page: string; label: string }> = {
  sourceCode: { page: 'source', label: 'where the referral comes from' },
  'concerns.summary': { page: 'concerns', label: 'what you are worried about' },
  'concerns.categories': { page: 'concerns', label: 'area of concern' },
  urgency: { page: 'concerns', label: 'how urgent this is' },
  proposedLevelOfNeed: { page: 'level-of-need', label: 'the level of need' },
  'consent.status': { page: 'consent', label: 'whether the family agreed' },
  'consent.sharingAgreed': { page: 'consent', label: 'whether the family agreed to sharing' },
  'consent.lawfulBasis': { page: 'consent', label: 'the lawful basis' },
  'consent.reason': { page: 'consent', label: 'why the referral goes ahead without consent' },
};

/**
 * The referrals service's refusal, shown on check your answers: each message in plain English, linking
 * to the question page that asks for the field (`family.children[0].dateOfBirth` → the first child).
 */
export function referralSendErrors(problem: ProblemDetails): FormError[] {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return [{ field: '', text: problem.detail ?? problem.title }];
  return errors.map((error) => {
    const where = placeOf(error.field);
    if (!where) return { field: '', text: error.message };
    return { field: where.page, text: sentence(error.rule, where.label) ?? error.message };
  });
}

function placeOf(field: string): { page: string; label: string } | undefined {
  const person = /^family\.(children|carers)\[(\d+)\]\.(\w+)$/.exec(field);
  if (person) {
    const [, kind, index, name] = person;
    const label = (kind === 'children' ? CHILD_FIELDS : CARER_FIELDS)[name!];
    return label ? { page: `${BASE}/${kind === 'children' ? 'child' : 'carer'}/${index}`, label } : undefined;
  }
  const other = OTHER_FIELDS[field];
  return other ? { page: `${BASE}/${other.page}`, label: other.label } : undefined;
}
