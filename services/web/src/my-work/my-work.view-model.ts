import { dueInWords, urgencyTag, type Urgency } from '../layout/due-words.js';
import { longDate } from '../layout/dates.js';
import type { SignedInPerson } from '../sign-in/session.types.js';
import type { MyWorkData, PlanListItem } from './my-work.api.js';

const ORDER: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, later: 2 };
const names = (people: { givenName: string; familyName: string }[]) =>
  people.map((c) => `${c.givenName} ${c.familyName}`).join(', ');

/**
 * taf lists a plan's lead by name and agency, without their person id: a plan is mine when both are mine (two
 * people of one agency with one name would each see the other's plans here, and only here).
 */
export function isLedBy(plan: PlanListItem, person: SignedInPerson): boolean {
  return plan.lead.name === person.name && plan.lead.agencyId === person.agencyId;
}

/** My work: what is mine to do, the most pressing first, dates in words (USERS.md: screens follow the work). */
export function myWorkPage(data: MyWorkData, person: SignedInPerson, today: string, levelLabel: (n: number) => string) {
  const mine = data.plans.filter((p) => isLedBy(p, person));
  const actions = data.actions.families
    .flatMap((family) => {
      const overdue = new Set(family.actions.overdue.map((a) => a.actionId));
      return family.actions.open.map((a) => {
        const due = dueInWords(a.dueDate, today);
        const urgency: Urgency = overdue.has(a.actionId) ? 'overdue' : due.urgency;
        return {
          description: a.description,
          family: names(family.children),
          href: family.plan ? `/plans/${family.plan.planId}/outcomes` : `/families/${family.familyId}`,
          due: due.words,
          dueDate: a.dueDate,
          urgency,
          tag: urgencyTag(urgency),
        };
      });
    })
    .sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency] || a.dueDate.localeCompare(b.dueDate));
  const reviews = mine
    .filter((p) => p.nextReviewDate && dueInWords(p.nextReviewDate, today).urgency !== 'later')
    .map((p) => {
      const due = dueInWords(p.nextReviewDate!, today);
      return {
        family: names(p.children),
        href: `/plans/${p.id}`,
        due: due.words,
        date: p.nextReviewDate!,
        tag: urgencyTag(due.urgency),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    pageTitle: 'My work',
    actions,
    moreFamiliesWithActions: data.actions.moreFamilies,
    reviews,
    handovers: data.handovers.map((p) => ({
      family: names(p.children),
      href: `/plans/${p.id}`,
      from: `${p.lead.professional.name}, ${p.lead.professional.agencyName}`,
      proposed: longDate(p.pendingHandover!.proposedAt),
    })),
    plans: mine
      .map((p) => {
        const review = p.nextReviewDate ? dueInWords(p.nextReviewDate, today) : undefined;
        return {
          family: names(p.children),
          href: `/plans/${p.id}`,
          level: levelLabel(p.levelOfNeed),
          review: review ? review.words.replace(/^Due/, 'Review due') : 'No review date',
          tag: review ? urgencyTag(review.urgency) : undefined,
          date: p.nextReviewDate ?? '9999-12-31',
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}
