import type {
  FamilyCarer,
  FamilyChild,
  FamilyDocument,
  LeadProfessional,
  ParentingRecord,
  PlanAction,
  PlanMember,
  PlanState,
} from './family-document.js';
import { parentingVisibleTo, type ViewRelationship } from './involvement.js';
import { isOpenAction } from './plan-fold.js';

/** A referral as one of its parties sees it in the family view. */
export interface VisibleReferral {
  referralId: string;
  status: string;
  decisionOverdue: boolean;
  receivingAgencyId: string;
  referrerAgencyId?: string;
  receivedAt?: string;
  decisionDueAt?: string;
  outcome?: string;
}

/** One family as one agency sees it: the same facts for every agency, cut to what that agency may see. */
export interface AgencyFamilyView {
  familyId: string;
  /** The stream sequence of the last event this view reflects. */
  position: number;
  relationships: ViewRelationship[];
  children: FamilyChild[];
  carers: FamilyCarer[];
  levelOfNeed?: number;
  leadProfessional?: LeadProfessional;
  plan?: {
    planId: string;
    version: number;
    status: string;
    openedAt: string;
    closedAt?: string;
    nextReviewDue?: string;
    reviewOverdue: boolean;
    lastReviewDate?: string;
    agreement: string;
    members: PlanMember[];
    outcomes: PlanState['outcomes'];
    proposedLead?: PlanState['proposedLead'];
    /** Only for the agencies the assessment is shared with, and the lead professional's. */
    assessment?: { completedAt: string };
  };
  /** This agency's own actions in the plan. */
  actions: { open: PlanAction[]; overdue: PlanAction[] };
  /** Open referrals this agency made or receives; other agencies' referrals are not theirs to see. */
  openReferrals: VisibleReferral[];
  /** Present only for the holder of a contract or order and the lead professional's agency. */
  parenting?: ParentingRecord[];
}

function isHolderOf(record: Omit<ParentingRecord, 'legalBasis'>, agencyId: string): boolean {
  return record.holderAgencyId === agencyId;
}

/** The agency's cut of the family document; `today` is the local date (Europe/London) deciding what is overdue. */
export function agencyViewOf(
  document: FamilyDocument,
  agencyId: string,
  relationships: ViewRelationship[],
  position: number,
  today: string,
): AgencyFamilyView {
  const plan = document.plan;
  const mine = (plan?.actions ?? []).filter((a) => a.ownerAgencyId === agencyId && isOpenAction(a));
  // As parenting itself answers: the legal basis (e.g. "child convicted") is the holder's, not the plan's.
  const parenting = document.parenting
    .filter((r) => parentingVisibleTo(relationships, r, agencyId))
    .map(({ legalBasis, ...record }) =>
      isHolderOf(record, agencyId) && legalBasis !== undefined ? { ...record, legalBasis } : record,
    );
  const view: AgencyFamilyView = {
    familyId: document.familyId,
    position,
    relationships,
    children: document.children,
    carers: document.carers,
    actions: { open: mine, overdue: mine.filter((a) => a.dueDate < today) },
    openReferrals: document.referrals
      .filter((r) => r.status === 'received' && (r.receivingAgencyId === agencyId || r.referrerAgencyId === agencyId))
      .map((r) =>
        Object.assign(
          { referralId: r.referralId, status: r.status, decisionOverdue: r.decisionOverdue },
          { receivingAgencyId: r.receivingAgencyId },
          r.referrerAgencyId ? { referrerAgencyId: r.referrerAgencyId } : {},
          r.receivedAt ? { receivedAt: r.receivedAt } : {},
          r.decisionDueAt ? { decisionDueAt: r.decisionDueAt } : {},
        ),
      ),
  };
  if (document.levelOfNeed !== undefined) view.levelOfNeed = document.levelOfNeed;
  if (plan !== undefined) {
    view.leadProfessional = plan.lead;
    view.plan = planFor(plan, agencyId, relationships, today);
  }
  if (parenting.length > 0) view.parenting = parenting;
  return view;
}

function planFor(
  plan: PlanState,
  agencyId: string,
  relationships: ViewRelationship[],
  today: string,
): NonNullable<AgencyFamilyView['plan']> {
  const shown: NonNullable<AgencyFamilyView['plan']> = {
    planId: plan.planId,
    version: plan.version,
    status: plan.status,
    openedAt: plan.openedAt,
    reviewOverdue: plan.open && plan.nextReviewDue !== undefined && plan.nextReviewDue < today,
    agreement: plan.agreement,
    members: plan.members,
    outcomes: plan.outcomes,
  };
  if (plan.closedAt) shown.closedAt = plan.closedAt;
  if (plan.nextReviewDue) shown.nextReviewDue = plan.nextReviewDue;
  if (plan.lastReviewDate) shown.lastReviewDate = plan.lastReviewDate;
  if (plan.proposedLead) shown.proposedLead = plan.proposedLead;
  const assessment = plan.assessment;
  if (
    assessment &&
    (assessment.sharedWithAgencyIds.includes(agencyId) || relationships.includes('lead-professional'))
  ) {
    shown.assessment = { completedAt: assessment.completedAt };
  }
  return shown;
}

/** What the list shows per family; the filters read the same facts from the agency's index row. */
export interface AgencyFamilySummary {
  familyId: string;
  position: number;
  relationships: ViewRelationship[];
  children: FamilyChild[];
  levelOfNeed?: number;
  leadProfessional?: { name: string; agencyId: string; agencyName: string };
  planStatus?: string;
  nextReviewDue?: string;
  openActions: number;
  overdueActions: number;
  openReferrals: number;
  /** Only for agencies entitled to see parenting contracts and orders. */
  hasOrder?: boolean;
}

export function summaryOf(view: AgencyFamilyView): AgencyFamilySummary {
  const summary: AgencyFamilySummary = {
    familyId: view.familyId,
    position: view.position,
    relationships: view.relationships,
    children: view.children,
    openActions: view.actions.open.length,
    overdueActions: view.actions.overdue.length,
    openReferrals: view.openReferrals.length,
  };
  if (view.levelOfNeed !== undefined) summary.levelOfNeed = view.levelOfNeed;
  if (view.leadProfessional) {
    const { name, agencyId, agencyName } = view.leadProfessional;
    summary.leadProfessional = { name, agencyId, agencyName };
  }
  if (view.plan) summary.planStatus = view.plan.status;
  if (view.plan?.nextReviewDue) summary.nextReviewDue = view.plan.nextReviewDue;
  if (view.parenting) summary.hasOrder = view.parenting.some((r) => r.kind === 'order' && r.active);
  return summary;
}
