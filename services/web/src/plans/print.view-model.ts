import { dateTime, longDate } from '../layout/dates.js';
import { ACTION_STATUS_CHOICES } from './plan-work.view-model.js';
import { closureWords, familyNameOf } from './plan.view-model.js';
import { dayAndDate } from './review-schedule.js';
import type { Plan } from './taf.api.js';

/**
 * The plan on paper, for the family and the meeting: who is helping, what everyone agreed to do and by when,
 * and when the next review is. The family's agreement is what makes it their plan, so it is said too.
 */
export function printPage(
  plan: Plan,
  agencyName: (id: string) => string,
  headlineLabel: (code: string) => string,
  now: Date,
) {
  const lead = plan.lead.professional;
  return {
    pageTitle: `Plan for ${familyNameOf(plan)}`,
    planId: plan.id,
    family: familyNameOf(plan),
    printed: dateTime(now.toISOString()),
    children: plan.children.map((c) =>
      [
        `${c.givenName} ${c.familyName}`,
        c.dateOfBirth ? `born ${longDate(c.dateOfBirth)}` : `due ${longDate(c.expectedDateOfBirth)}`,
      ].join(', '),
    ),
    carers: plan.carers.map((c) => `${c.givenName} ${c.familyName} (${c.relationship})`),
    lead: {
      name: lead.name,
      role: lead.role,
      agencyName: lead.agencyName,
      reach: [lead.phone, lead.email].filter(Boolean).join(', '),
    },
    opened: longDate(plan.openedAt),
    state:
      plan.status === 'closed'
        ? `Closed on ${longDate(plan.closedAt)}: ${closureWords(plan.closure)}`
        : plan.agreement.status === 'withdrawn'
          ? `Open. The family withdrew its agreement on ${longDate(plan.agreement.withdrawnAt)}.`
          : `Open. The family agreed to the plan on ${longDate(plan.agreement.agreedAt)}.`,
    nextReview: plan.nextReviewDate ? dayAndDate(plan.nextReviewDate) : 'Not set',
    team: plan.members.map((m) => ({
      agency: m.agencyName,
      contact: `${m.contactName}, ${m.role}`,
      reach: [m.phone, m.email].filter(Boolean).join(', '),
    })),
    outcomes: plan.outcomes.map((o) => ({
      headline: headlineLabel(o.headlineOutcome),
      description: o.description,
      actions: plan.actions
        .filter((a) => a.outcomeId === o.outcomeId)
        .map((a) => ({
          description: a.description,
          owner: [a.ownerName, agencyName(a.ownerAgencyId)].filter(Boolean).join(', '),
          due: longDate(a.dueDate),
          status: ACTION_STATUS_CHOICES.find((s) => s.value === a.status)?.text ?? a.status,
        })),
    })),
    /** A member agency's copy has only its own actions: the page says so, so nobody takes it for the whole plan. */
    partial: plan.relationship === 'member',
  };
}
