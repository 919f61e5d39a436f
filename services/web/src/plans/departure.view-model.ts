import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { requiredText, type PlanForm } from './form-dates.js';
import { familyNameOf, planFrame } from './plan.view-model.js';
import type { Plan } from './taf.api.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

/** Leaving the plan, or removing an agency from it: what it means, said before it happens. */
export function departurePage(
  plan: Plan,
  personId: string,
  memberId: string,
  leaving: boolean,
  form: PlanForm,
  errors?: FormError[],
) {
  const member = plan.members.find((m) => m.memberId === memberId)!;
  const openActions = plan.actions.filter(
    (a) => a.ownerAgencyId === member.agencyId && (a.status === 'not-started' || a.status === 'in-progress'),
  ).length;
  return {
    ...planFrame(plan, '/team', personId),
    pageTitle: leaving ? `Leave the plan for ${familyNameOf(plan)}?` : `Remove ${member.agencyName} from the team?`,
    memberId,
    leaving,
    consequences: leaving
      ? [
          `${plan.lead.professional.name}, the lead professional, is told that ${member.agencyName} has left.`,
          `Nobody at ${member.agencyName} can see this plan after this, including you.`,
        ]
      : [
          `${member.agencyName} no longer sees this plan, and its old links lead nowhere.`,
          `${member.contactName} is not told by Baton: let them know yourself.`,
        ],
    openActions:
      openActions > 0
        ? `${member.agencyName} still has ${openActions} open ${openActions === 1 ? 'action' : 'actions'}. Complete or cancel ${openActions === 1 ? 'it' : 'them'} first.`
        : undefined,
    values: form,
    ...formErrors(errors),
  };
}

/**
 * Why the agency is leaving; taf keeps a member with open actions on the plan, so the page says so first
 * rather than passing on taf's refusal.
 */
export function parseDeparture(form: PlanForm, plan: Plan, memberId: string, leaving: boolean): Parsed<string> {
  const member = plan.members.find((m) => m.memberId === memberId);
  const open = plan.actions.filter(
    (a) => a.ownerAgencyId === member?.agencyId && (a.status === 'not-started' || a.status === 'in-progress'),
  ).length;
  if (member && open > 0) {
    const them = open === 1 ? 'it' : 'them';
    return {
      ok: false,
      errors: [
        {
          field: 'reason',
          text: `${member.agencyName} still has ${open} open ${open === 1 ? 'action' : 'actions'}: complete or cancel ${them} first`,
        },
      ],
    };
  }
  const reason = requiredText(
    form,
    'reason',
    {
      missing: leaving ? 'Enter why your agency is leaving the plan' : 'Enter why the agency is leaving the plan',
      label: 'the reason',
    },
    2000,
  );
  return reason.error ? { ok: false, errors: [reason.error] } : { ok: true, value: reason.value };
}
