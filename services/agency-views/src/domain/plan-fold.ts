import type { PlanAction as ContractAction, PlanProfessional, PlanSnapshot } from '@baton/contracts';
import type { Contact, LeadProfessional, PlanAction, PlanState } from './family-document.js';
import type { RecordedEvent } from './recorded-event.js';

/** What every plan event carries (see libs/contracts/src/plan): the plan as it stands after the change. */
interface PlanEventData {
  planId: string;
  familyId: string;
  planVersion: number;
  plan: PlanSnapshot;
}

export function isPlanEvent(type: string): boolean {
  return /^baton\.plan\.[a-z-]+\.v1$/.test(type);
}

/** Plan actions still to be done: the ones that can be open or overdue. */
const OPEN_ACTION_STATUSES = new Set(['not-started', 'in-progress']);

export function isOpenAction(action: PlanAction): boolean {
  return OPEN_ACTION_STATUSES.has(action.status);
}

/**
 * One plan's state from its events, in any order: the snapshot of the event with the highest `planVersion` (the
 * per-aggregate version check). An older event arriving late changes nothing, and a redelivery changes nothing.
 */
export function foldPlan(events: readonly RecordedEvent[]): PlanState | undefined {
  let latest: PlanEventData | undefined;
  for (const event of events) {
    const data = event.data as PlanEventData;
    if (latest === undefined || data.planVersion > latest.planVersion) latest = data;
  }
  return latest === undefined ? undefined : planStateOf(latest);
}

function planStateOf({ planId, planVersion, plan }: PlanEventData): PlanState {
  const state: PlanState = {
    planId,
    version: planVersion,
    status: plan.status,
    open: plan.status === 'open',
    openedAt: plan.openedAt,
    levelOfNeed: plan.levelOfNeed,
    referralIds: plan.referralIds,
    lead: { ...professionalOf(plan.lead.professional), since: plan.lead.since },
    members: plan.members.map((m) =>
      Object.assign(
        { agencyId: m.agencyId, agencyName: m.agencyName, contactName: m.contactName },
        m.personId ? { personId: m.personId } : {},
        { role: m.role, contact: contactOf(m), joinedAt: m.joinedAt },
      ),
    ),
    outcomes: plan.outcomes.map(({ outcomeId, headlineOutcome, description }) => ({
      outcomeId,
      headlineOutcome,
      description,
    })),
    actions: plan.actions.map(actionOf),
    agreement: plan.agreement.status,
    children: plan.children.map(({ givenName, familyName, dateOfBirth, expectedDateOfBirth }) =>
      Object.assign(
        { givenName, familyName },
        dateOfBirth ? { dateOfBirth } : {},
        expectedDateOfBirth ? { expectedDateOfBirth } : {},
      ),
    ),
    carers: plan.carers.map(({ givenName, familyName, relationship }) => ({ givenName, familyName, relationship })),
  };
  if (plan.closedAt) state.closedAt = plan.closedAt;
  if (plan.closureReason) state.closureReason = plan.closureReason;
  if (plan.nextReviewDate) state.nextReviewDue = plan.nextReviewDate;
  if (plan.lastReviewDate) state.lastReviewDate = plan.lastReviewDate;
  if (plan.pendingHandover) {
    const p = plan.pendingHandover.proposedLead;
    state.proposedLead = {
      name: p.name,
      agencyId: p.agencyId,
      agencyName: p.agencyName,
      proposedAt: plan.pendingHandover.proposedAt,
    };
  }
  if (plan.assessment) {
    state.assessment = {
      completedAt: plan.assessment.completedAt,
      sharedWithAgencyIds: plan.assessment.sharedWithAgencyIds,
    };
  }
  return state;
}

function professionalOf(p: PlanProfessional): Omit<LeadProfessional, 'since'> {
  return {
    personId: p.personId,
    name: p.name,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    role: p.role,
    contact: contactOf(p),
  };
}

function contactOf(p: { email?: string; phone?: string }): Contact {
  return Object.assign({}, p.email ? { email: p.email } : {}, p.phone ? { phone: p.phone } : {});
}

function actionOf(a: ContractAction): PlanAction {
  return Object.assign(
    { actionId: a.actionId, outcomeId: a.outcomeId, description: a.description, ownerAgencyId: a.ownerAgencyId },
    a.ownerName ? { ownerName: a.ownerName } : {},
    { dueDate: a.dueDate, status: a.status },
  );
}
