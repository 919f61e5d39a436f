import type { OrderRequirementSummary } from '@baton/contracts';
import type { RecordRelationship } from '../access/order-access.policy.js';
import type { EnforcementCase } from '../enforcement/enforcement-case.entity.js';
import { enforcementView } from '../enforcement/enforcement.views.js';
import type { OrderRequirement, OrderSession } from '../requirement/order-requirement.entity.js';
import { requirementSummary } from '../requirement/requirement.views.js';
import type { ParentingOrder } from './parenting-order.entity.js';

/** Status only: what a member agency of the family's plan may see. */
export function statusView(order: ParentingOrder) {
  return {
    id: order.id,
    familyId: order.familyId,
    state: order.state,
    madeOn: order.madeOn,
    requirementsEndOn: order.requirementsEndOn,
    holdingAgencyId: order.holdingAgencyId,
    holdingAgencyKind: order.holdingAgencyKind,
    responsibleOfficer: order.officer,
    version: order.version,
  };
}

/** Status and requirements, without offence detail: what the family's lead professional may see. */
export function requirementsView(order: ParentingOrder, requirements: OrderRequirement[]) {
  return {
    ...statusView(order),
    requirements: requirements.map(requirementSummary),
  };
}

/** Everything: what the responsible officer and the holding agency's managers see. */
export function holderView(
  order: ParentingOrder,
  requirements: OrderRequirement[],
  sessions: OrderSession[],
  cases: EnforcementCase[],
) {
  return {
    ...statusView(order),
    legalBasis: order.legalBasis,
    applicant: order.applicant,
    courtKind: order.courtKind,
    courtName: order.courtName,
    appealRoute: order.appealRoute,
    grounds: order.grounds,
    previousParentingOrder: order.previousParentingOrder,
    residentialFindings: order.residentialFindings,
    children: order.children,
    parents: order.parents,
    openEnforcementCases: order.openEnforcementCases,
    closedOn: order.closedOn,
    requirements: requirements.map(
      (r): OrderRequirementSummary & { sessions?: { id: string; startsAt: string; endsAt: string }[] } => ({
        ...requirementSummary(r),
        ...(r.kind === 'programme'
          ? {
              sessions: sessions
                .filter((s) => s.requirementId === r.id)
                .map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
            }
          : {}),
      }),
    ),
    enforcement: cases.map(enforcementView),
  };
}

export type OrderView =
  ReturnType<typeof statusView> | ReturnType<typeof requirementsView> | ReturnType<typeof holderView>;

export function viewFor(
  relationship: RecordRelationship,
  order: ParentingOrder,
  parts: { requirements: OrderRequirement[]; sessions: OrderSession[]; cases: EnforcementCase[] },
): OrderView {
  if (relationship === 'holder') return holderView(order, parts.requirements, parts.sessions, parts.cases);
  if (relationship === 'lead-professional') return requirementsView(order, parts.requirements);
  return statusView(order);
}
