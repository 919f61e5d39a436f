import { worksWithFamilies, type Caller } from '@baton/auth';

/**
 * How a caller stands to a plan (person AND agency, in the plan's tenant). The lead professional sees and changes
 * everything; a manager reads the plans their own agency is on (leads or is a member of), and the front door's
 * managers read every plan of the authority, as the agency that opens them; member agencies see the plan,
 * members, outcomes and their own actions, and the assessment only where it is shared with them. Anyone else —
 * a manager of an uninvolved agency included — gets 404, not 403; so does anyone without a casework role (an
 * agency admin or auditor of a member agency).
 *
 * `break-glass`: someone with a live break-glass grant for the plan's family (and no relationship) reads it as
 * a manager of a member agency would — the whole plan and every action, the assessment only where it is shared
 * with their agency, no NHS numbers — and changes nothing (403).
 */
export type PlanRelationship = 'lead' | 'manager' | 'member' | 'break-glass';

export interface PlanAccessFacts {
  tenant: string;
  lead: { personId: string; agencyId: string };
  memberAgencyIds: readonly string[];
  /** The authority's front door (`referralFrontDoorAgencyId`), whose managers read every plan. */
  frontDoorAgencyId?: string;
}

/** A manager of the authority's front door: reads every plan of the tenant. */
export function isFrontDoorManager(caller: Caller, frontDoorAgencyId: string | undefined): boolean {
  return caller.roles.includes('manager') && frontDoorAgencyId !== undefined && caller.agencyId === frontDoorAgencyId;
}

export function relationshipTo(caller: Caller, plan: PlanAccessFacts): PlanRelationship | undefined {
  if (caller.tenant !== plan.tenant || !worksWithFamilies(caller)) return undefined;
  if (caller.personId === plan.lead.personId && caller.agencyId === plan.lead.agencyId) return 'lead';
  if (caller.roles.includes('manager')) {
    const involved = caller.agencyId === plan.lead.agencyId || plan.memberAgencyIds.includes(caller.agencyId);
    if (involved || isFrontDoorManager(caller, plan.frontDoorAgencyId)) return 'manager';
  }
  if (plan.memberAgencyIds.includes(caller.agencyId)) return 'member';
  return undefined;
}

/** The assessment's content: the lead, and agencies it is shared with (the lead's agency always is). */
export function mayReadAssessment(
  caller: Caller,
  relationship: PlanRelationship,
  sharedWithAgencyIds: readonly string[],
): boolean {
  return relationship === 'lead' || sharedWithAgencyIds.includes(caller.agencyId);
}

/** Actions a caller sees: all of them for the lead and managers, a member's own agency's otherwise. */
export function seesAction(caller: Caller, relationship: PlanRelationship, ownerAgencyId: string): boolean {
  return relationship !== 'member' || ownerAgencyId === caller.agencyId;
}
