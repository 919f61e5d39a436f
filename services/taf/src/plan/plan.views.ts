import type { FastifyReply } from 'fastify';
import type { Caller } from '@baton/auth';
import { etagFor } from '@baton/http-api';
import type { PlanAction, PlanCarer, PlanLead, PlanMember, PlanOutcome } from '@baton/contracts';
import { mayReadAssessment, relationshipTo, seesAction, type PlanRelationship } from '../access/plan-access.policy.js';
import type { PlanChildRecord } from './plan.entity.js';
import type { PlanState } from './plan-state.js';
import { actionOf, childOf, leadOf, memberOf } from './plan.snapshot.js';

/** A plan as the caller may see it: the lead sees everything, members their own actions, managers all actions. */
export interface PlanView {
  id: string;
  familyId: string;
  version: number;
  relationship: PlanRelationship;
  status: string;
  levelOfNeed: number;
  origin: string;
  openedAt: string;
  referralIds: string[];
  children: PlanChildRecord[];
  carers: PlanCarer[];
  lead: PlanLead;
  pendingHandover?: { handoverId: string; proposedLead: object; proposedAt: string; familyPreference: object };
  members: PlanMember[];
  outcomes: PlanOutcome[];
  actions: PlanAction[];
  reviewCadenceWeeks: number;
  nextReviewDate?: string;
  lastReviewDate?: string;
  agreement: { status: string; agreedAt: string; recordedAs: string; withdrawnAt?: string; withdrawalReason?: string };
  assessment?: { assessmentId: string; completedAt: string; sharedWithAgencyIds: string[]; readable: boolean };
  closedAt?: string;
  closure?: { reason: string; reasonText?: string };
}

export function planViewFor(caller: Caller, relationship: PlanRelationship, state: PlanState): PlanView {
  const { plan } = state;
  const handover = state.pendingHandover;
  return {
    id: plan.id,
    familyId: plan.familyId,
    version: plan.version,
    relationship,
    status: plan.status,
    levelOfNeed: plan.levelOfNeed,
    origin: plan.origin,
    openedAt: plan.openedAt.toISOString(),
    referralIds: plan.referralIds,
    // The NHS number is for the lead professional's matching and records; members see names and dates.
    children: relationship === 'lead' ? plan.children : plan.children.map(childOf),
    carers: plan.carers,
    lead: leadOf(state.lead),
    ...(handover
      ? {
          pendingHandover: {
            handoverId: handover.id,
            proposedLead: handover.proposedLead,
            proposedAt: handover.proposedAt.toISOString(),
            familyPreference: handover.familyPreference,
          },
        }
      : {}),
    members: state.members.map(memberOf),
    outcomes: plan.outcomes,
    actions: state.actions.filter((a) => seesAction(caller, relationship, a.ownerAgencyId)).map(actionOf),
    reviewCadenceWeeks: plan.reviewCadenceWeeks,
    ...(plan.nextReviewDate ? { nextReviewDate: plan.nextReviewDate } : {}),
    ...(plan.lastReviewDate ? { lastReviewDate: plan.lastReviewDate } : {}),
    agreement: plan.agreement,
    ...(plan.assessmentSummary
      ? {
          assessment: {
            ...plan.assessmentSummary,
            readable: mayReadAssessment(caller, relationship, plan.assessmentSummary.sharedWithAgencyIds),
          },
        }
      : {}),
    ...(plan.closedAt ? { closedAt: plan.closedAt.toISOString() } : {}),
    ...(plan.closure ? { closure: { reason: plan.closure.reason, reasonText: plan.closure.reasonText } } : {}),
  };
}

export function relationshipNow(caller: Caller, state: PlanState): PlanRelationship | undefined {
  return relationshipTo(caller, {
    tenant: state.plan.tenant,
    lead: state.lead,
    memberAgencyIds: state.members.map((m) => m.agencyId),
  });
}

/** The plan after a change, as the one who made it sees it, with its new ETag. */
export function viewAfterChange(caller: Caller, state: PlanState, reply: FastifyReply): PlanView {
  void reply.header('etag', etagFor(state.plan.version));
  const relationship = relationshipNow(caller, state);
  // Only a member agency can change a plan without being its lead or a manager.
  return planViewFor(caller, relationship ?? 'member', state);
}
