import { dateTime, longDate } from '../layout/dates.js';
import { allowedClosures, mayUpdateAction, planTakesChanges, type ClosureKind } from './plan-permissions.js';
import { reviewSchedule } from './review-schedule.js';
import type { Plan, TimelineItem } from './taf.api.js';

export const PLAN_SECTIONS = [
  { path: '', text: 'Overview' },
  { path: '/outcomes', text: 'Outcomes and actions' },
  { path: '/assessment', text: 'Assessment' },
  { path: '/reviews', text: 'Reviews' },
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

export const CLOSURE_REASON_WORDS: Record<string, string> = {
  'needs-met': "the family's needs have been met",
  'stepped-up': "stepped up to children's social care",
  'stepped-down': 'stepped down to universal services',
  'family-withdrew-agreement': 'the family withdrew its agreement',
  'moved-to-another-authority': 'the family moved to another local authority',
  other: 'another reason',
};

export function closureWords(closure: Plan['closure']): string {
  if (!closure) return 'no reason recorded';
  if (closure.reason === 'other' && closure.reasonText) return closure.reasonText;
  return CLOSURE_REASON_WORDS[closure.reason] ?? closure.reason;
}

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
    /** Said at the top of every page of a plan that no longer takes changes, so nobody tries in vain. */
    planState:
      plan.status === 'closed'
        ? `This plan closed on ${longDate(plan.closedAt)}: ${closureWords(plan.closure)}.`
        : plan.agreement.status === 'withdrawn'
          ? `The family withdrew its agreement on ${longDate(plan.agreement.withdrawnAt)}. No new information is shared with the team.`
          : undefined,
    sections: PLAN_SECTIONS.map((s) => ({
      text: s.text,
      href: `/plans/${plan.id}${s.path}`,
      active: s.path === section,
    })),
  };
}

export function overviewPage(plan: Plan, etag: string, personId: string, levelLabel: (n: number) => string) {
  const handover = plan.pendingHandover;
  const frame = planFrame(plan, '', personId);
  return {
    ...frame,
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
    reviewOverdue: reviewSchedule(plan, new Date()).overdue,
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
    closures: frame.isLead ? closureLinks(plan) : [],
  };
}

/**
 * The plan's outcomes with their actions. The lead sees every action and may add and change them; a member
 * agency sees its own actions (taf sends no others) and updates those.
 */
export function outcomesPage(
  plan: Plan,
  person: { personId: string; agencyId: string },
  agencyName: (id: string) => string,
  headlineLabel: (code: string) => string,
) {
  const frame = planFrame(plan, '/outcomes', person.personId);
  const changeable = planTakesChanges(plan);
  return {
    ...frame,
    pageTitle: `Outcomes and actions – ${familyNameOf(plan)}`,
    mayAddOutcome: frame.isLead && changeable,
    mayAddAction: frame.isLead && changeable && plan.outcomes.length > 0,
    seesOwnActionsOnly: plan.relationship === 'member',
    outcomes: plan.outcomes.map((o) => ({
      headline: headlineLabel(o.headlineOutcome),
      description: o.description,
      editHref: frame.isLead && changeable ? `/plans/${plan.id}/outcomes/${o.outcomeId}` : undefined,
      actions: plan.actions
        .filter((a) => a.outcomeId === o.outcomeId)
        .map((a) => ({
          description: a.description,
          updateHref: mayUpdateAction(plan, a, person) ? `/plans/${plan.id}/actions/${a.actionId}` : undefined,
          owner: [a.ownerName, agencyName(a.ownerAgencyId)].filter(Boolean).join(', '),
          due: longDate(a.dueDate),
          status: ACTION_STATUS[a.status] ?? { text: a.status, colour: 'govuk-tag--grey' },
          overdue: a.overdue,
        })),
    })),
  };
}

/** The team; the lead may remove an agency, and each member agency may leave (never the lead's own agency). */
export function teamPage(plan: Plan, person: { personId: string; agencyId: string }) {
  const frame = planFrame(plan, '/team', person.personId);
  const leadAgency = plan.lead.professional.agencyId;
  return {
    ...frame,
    pageTitle: `Team – ${familyNameOf(plan)}`,
    mayAddMember: frame.isLead && planTakesChanges(plan),
    members: plan.members.map((m) => ({
      departure:
        plan.status === 'open' && m.agencyId !== leadAgency && (frame.isLead || m.agencyId === person.agencyId)
          ? {
              href: `/plans/${plan.id}/team/${m.memberId}/departure`,
              text: frame.isLead ? 'Remove' : 'Leave the plan',
            }
          : undefined,
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

const CLOSURE_LINK_TEXT: Record<ClosureKind, string> = {
  'step-up': "Step up to children's social care",
  'step-down': 'Step down to universal services',
  close: 'Close the plan',
  'withdraw-agreement': 'The family has withdrawn its agreement',
};

/** The lead's ways to end the plan or stop its sharing, as far as the plan allows them now. */
function closureLinks(plan: Plan): { text: string; href: string }[] {
  return allowedClosures(plan).map((kind) => ({ text: CLOSURE_LINK_TEXT[kind], href: `/plans/${plan.id}/${kind}` }));
}
