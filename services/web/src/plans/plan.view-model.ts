import { dateTime, longDate } from '../layout/dates.js';
import type { Plan, TimelineItem } from './taf.api.js';

export const PLAN_SECTIONS = [
  { path: '', text: 'Overview' },
  { path: '/outcomes', text: 'Outcomes and actions' },
  { path: '/team', text: 'Team' },
  { path: '/timeline', text: 'Timeline' },
] as const;

export const FAMILY_PREFERENCE_WORDS: Record<string, string> = {
  agrees: 'The family agrees with this choice',
  'prefers-someone-else': 'The family would prefer someone else',
  'no-preference': 'The family has no preference',
  'not-asked': 'The family has not been asked yet',
};

const ACTION_STATUS: Record<string, { text: string; colour: string }> = {
  'not-started': { text: 'Not started', colour: 'govuk-tag--grey' },
  'in-progress': { text: 'In progress', colour: 'govuk-tag--blue' },
  done: { text: 'Done', colour: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', colour: 'govuk-tag--grey' },
};

export function familyNameOf(plan: Pick<Plan, 'children'>): string {
  return plan.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ');
}

/** What every plan page shows first: whose family, who holds the baton and how to reach them, and the sections. */
export function planFrame(plan: Plan, section: string, personId: string) {
  const lead = plan.lead.professional;
  return {
    planId: plan.id,
    familyId: plan.familyId,
    family: familyNameOf(plan),
    lead: {
      name: lead.name,
      role: lead.role,
      agencyName: lead.agencyName,
      email: lead.email,
      phone: lead.phone,
      since: longDate(plan.lead.since),
    },
    isLead: lead.personId === personId,
    status: plan.status,
    sections: PLAN_SECTIONS.map((s) => ({
      text: s.text,
      href: `/plans/${plan.id}${s.path}`,
      active: s.path === section,
    })),
  };
}

export function overviewPage(plan: Plan, etag: string, personId: string, levelLabel: (n: number) => string) {
  const handover = plan.pendingHandover;
  return {
    ...planFrame(plan, '', personId),
    pageTitle: `Plan for ${familyNameOf(plan)}`,
    version: etag,
    children: plan.children.map(
      (c) =>
        `${c.givenName} ${c.familyName}, ${c.dateOfBirth ? `born ${longDate(c.dateOfBirth)}` : `due ${longDate(c.expectedDateOfBirth)}`}`,
    ),
    carers: plan.carers.map((c) => `${c.givenName} ${c.familyName} (${c.relationship})`),
    levelOfNeed: levelLabel(plan.levelOfNeed),
    opened: longDate(plan.openedAt),
    nextReview: plan.nextReviewDate ? longDate(plan.nextReviewDate) : undefined,
    reviewOverdue: plan.nextReviewDate !== undefined && plan.nextReviewDate < new Date().toISOString().slice(0, 10),
    handover: handover
      ? {
          id: handover.handoverId,
          to: `${handover.proposedLead.name}, ${handover.proposedLead.agencyName}`,
          proposed: dateTime(handover.proposedAt),
          preference:
            FAMILY_PREFERENCE_WORDS[handover.familyPreference.preference] ?? handover.familyPreference.preference,
          isForMe: handover.proposedLead.personId === personId,
        }
      : undefined,
    overdueActions: plan.actions.filter((a) => a.overdue).length,
  };
}

export function outcomesPage(plan: Plan, personId: string, agencyName: (id: string) => string) {
  return {
    ...planFrame(plan, '/outcomes', personId),
    pageTitle: `Outcomes and actions – ${familyNameOf(plan)}`,
    outcomes: plan.outcomes.map((o) => ({
      headline: o.headlineOutcome,
      description: o.description,
      actions: plan.actions
        .filter((a) => a.outcomeId === o.outcomeId)
        .map((a) => ({
          description: a.description,
          owner: [a.ownerName, agencyName(a.ownerAgencyId)].filter(Boolean).join(', '),
          due: longDate(a.dueDate),
          status: ACTION_STATUS[a.status] ?? { text: a.status, colour: 'govuk-tag--grey' },
          overdue: a.overdue,
        })),
    })),
  };
}

export function teamPage(plan: Plan, personId: string) {
  return {
    ...planFrame(plan, '/team', personId),
    pageTitle: `Team – ${familyNameOf(plan)}`,
    members: plan.members.map((m) => ({
      agency: m.agencyName,
      contact: m.contactName,
      role: m.role,
      reach: [m.phone, m.email].filter(Boolean).join(', '),
      joined: longDate(m.joinedAt),
    })),
  };
}

/** The plan's story in order, as an MOJ timeline (newest first, as the component reads). */
export function timelinePage(plan: Plan, items: TimelineItem[], personId: string) {
  return {
    ...planFrame(plan, '/timeline', personId),
    pageTitle: `Timeline – ${familyNameOf(plan)}`,
    items: [...items].reverse().map((i) => ({ summary: i.summary, at: i.at, when: dateTime(i.at), by: i.actor.name })),
  };
}
