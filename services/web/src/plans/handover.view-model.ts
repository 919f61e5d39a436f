import type { PersonConfig, TenantConfig } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { FAMILY_PREFERENCE_WORDS, planFrame } from './plan.view-model.js';
import type { HandoverProposal, NewMember, Plan } from './taf.api.js';

export type HandoverForm = Record<string, string | undefined>;

/** Who may take the baton: practitioners of the plan's member agencies, from the authority's directory. */
export function candidates(plan: Plan, tenant: TenantConfig): PersonConfig[] {
  const memberAgencies = new Set(plan.members.map((m) => m.agencyId));
  return tenant.people.filter(
    (p) =>
      memberAgencies.has(p.agencyId) &&
      p.roles.includes('practitioner') &&
      p.personId !== plan.lead.professional.personId,
  );
}

export function handoverPage(
  plan: Plan,
  etag: string,
  personId: string,
  people: PersonConfig[],
  agencyName: (id: string) => string,
  values: HandoverForm,
  errors?: FormError[],
) {
  return {
    ...planFrame(plan, '', personId),
    pageTitle: 'Hand over the lead professional role',
    version: etag,
    values,
    people: [
      { value: '', text: 'Choose who will lead' },
      ...people.map((p) => ({
        value: p.personId,
        text: `${p.name}, ${agencyName(p.agencyId)}`,
        selected: values.personId === p.personId,
      })),
    ],
    preferences: Object.entries(FAMILY_PREFERENCE_WORDS).map(([value, text]) => ({
      value,
      text,
      checked: values.preference === value,
    })),
    ...formErrors(errors),
  };
}

export function parseHandover(
  form: HandoverForm,
  people: PersonConfig[],
): { ok: true; value: HandoverProposal } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const person = people.find((p) => p.personId === form.personId);
  if (!person) errors.push({ field: 'personId', text: 'Choose who will lead' });
  if (!form.preference || !(form.preference in FAMILY_PREFERENCE_WORDS))
    errors.push({ field: 'preference', text: "Select the family's view" });
  if (errors.length > 0 || !person) return { ok: false, errors };
  return {
    ok: true,
    value: {
      proposedLead: {
        personId: person.personId,
        name: person.name,
        agencyId: person.agencyId,
        role: person.jobTitle ?? 'Practitioner',
        email: person.email,
        ...(person.phone ? { phone: person.phone } : {}),
      },
      familyPreference: {
        preference: form.preference as HandoverProposal['familyPreference']['preference'],
        ...(form.note?.trim() ? { note: form.note.trim() } : {}),
      },
      ...(form.reason?.trim() ? { reason: form.reason.trim() } : {}),
    },
  };
}

/** Practitioners of the authority whose agency is not in the plan yet. */
export function joinable(plan: Plan, tenant: TenantConfig): PersonConfig[] {
  const memberAgencies = new Set(plan.members.map((m) => m.agencyId));
  return tenant.people.filter((p) => !memberAgencies.has(p.agencyId) && p.roles.includes('practitioner'));
}

export function addMemberPage(
  plan: Plan,
  etag: string,
  personId: string,
  people: PersonConfig[],
  agencyName: (id: string) => string,
  values: HandoverForm,
  errors?: FormError[],
) {
  return {
    ...planFrame(plan, '/team', personId),
    pageTitle: 'Add an agency to the team',
    version: etag,
    values,
    people: [
      { value: '', text: 'Choose a practitioner' },
      ...people.map((p) => ({
        value: p.personId,
        text: `${p.name}, ${agencyName(p.agencyId)}`,
        selected: values.personId === p.personId,
      })),
    ],
    ...formErrors(errors),
  };
}

export function parseMember(
  form: HandoverForm,
  people: PersonConfig[],
): { ok: true; value: NewMember } | { ok: false; errors: FormError[] } {
  const person = people.find((p) => p.personId === form.personId);
  const role = form.role?.trim() || person?.jobTitle;
  const errors: FormError[] = [];
  if (!person) errors.push({ field: 'personId', text: 'Choose a practitioner' });
  if (!role) errors.push({ field: 'role', text: "Enter their agency's role in the plan, like class teacher" });
  if (errors.length > 0 || !person || !role) return { ok: false, errors };
  return {
    ok: true,
    value: {
      agencyId: person.agencyId,
      personId: person.personId,
      contactName: person.name,
      role,
      email: person.email,
      ...(person.phone ? { phone: person.phone } : {}),
    },
  };
}
