import type { PlanAction, PlanChild, PlanLead, PlanMember, PlanProfessional, PlanSnapshot } from '@baton/contracts';
import type { PlanLeadRow } from '../lead/plan-lead.entity.js';
import type { PlanMemberRow } from '../membership/plan-member.entity.js';
import type { PlanActionRow } from '../work/plan-action.entity.js';
import type { PlanChildRecord } from './plan.entity.js';
import type { PlanState } from './plan-state.js';

/** Leaves out what is undefined or null, so events and views carry no empty keys. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function professionalOf(lead: PlanLeadRow): PlanProfessional {
  return present({
    personId: lead.personId,
    name: lead.name,
    agencyId: lead.agencyId,
    agencyName: lead.agencyName,
    role: lead.role,
    email: lead.email,
    phone: lead.phone ?? undefined,
  });
}

export function leadOf(lead: PlanLeadRow): PlanLead {
  return { professional: professionalOf(lead), since: lead.startedAt.toISOString() };
}

export function memberOf(m: PlanMemberRow): PlanMember {
  return present({
    memberId: m.id,
    agencyId: m.agencyId,
    agencyName: m.agencyName,
    personId: m.personId ?? undefined,
    contactName: m.contactName,
    role: m.role,
    email: m.email ?? undefined,
    phone: m.phone ?? undefined,
    joinedAt: m.joinedAt.toISOString(),
  });
}

/** Overdue once announced for the current due date and still neither done nor cancelled. */
export function isOverdue(a: PlanActionRow): boolean {
  return (a.status === 'not-started' || a.status === 'in-progress') && a.overdueNotifiedFor === a.dueDate;
}

export function actionOf(a: PlanActionRow): PlanAction {
  return present({
    actionId: a.id,
    outcomeId: a.outcomeId,
    description: a.description,
    ownerAgencyId: a.ownerAgencyId,
    ownerPersonId: a.ownerPersonId ?? undefined,
    ownerName: a.ownerName ?? undefined,
    dueDate: a.dueDate,
    status: a.status,
    overdue: isOverdue(a),
  });
}

/** A child as other services may hold it: never the NHS number. */
export function childOf({
  childId,
  givenName,
  familyName,
  dateOfBirth,
  expectedDateOfBirth,
}: PlanChildRecord): PlanChild {
  return present({ childId, givenName, familyName, dateOfBirth, expectedDateOfBirth });
}

/** The plan as it stands, as every plan event carries it. */
export function snapshotOf(state: PlanState): PlanSnapshot {
  const { plan } = state;
  return present({
    status: plan.status,
    levelOfNeed: plan.levelOfNeed,
    origin: plan.origin,
    openedAt: plan.openedAt.toISOString(),
    referralIds: [...plan.referralIds],
    children: plan.children.map(childOf),
    carers: plan.carers.map((c) => ({ ...c })),
    lead: leadOf(state.lead),
    pendingHandover: state.pendingHandover
      ? {
          handoverId: state.pendingHandover.id,
          proposedLead: state.pendingHandover.proposedLead,
          proposedAt: state.pendingHandover.proposedAt.toISOString(),
        }
      : undefined,
    members: state.members.map(memberOf),
    outcomes: plan.outcomes.map((o) => ({ ...o })),
    actions: state.actions.map(actionOf),
    reviewCadenceWeeks: plan.reviewCadenceWeeks,
    nextReviewDate: plan.nextReviewDate ?? undefined,
    lastReviewDate: plan.lastReviewDate ?? undefined,
    agreement: present({
      status: plan.agreement.status,
      agreedAt: plan.agreement.agreedAt,
      withdrawnAt: plan.agreement.withdrawnAt,
    }),
    assessment: plan.assessmentSummary ?? undefined,
    closedAt: plan.closedAt?.toISOString(),
    closureReason: plan.closure?.reason,
  });
}
