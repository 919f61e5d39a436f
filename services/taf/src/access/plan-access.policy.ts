import type { Caller } from '@baton/auth';

/**
 * How a caller stands to a plan. The lead professional sees and changes everything; managers of the tenant
 * read every plan; member agencies see the plan, members, outcomes and their own actions, and the
 * assessment only where it is shared with them. Anyone else gets 404, not 403.
 */
export type PlanRelationship = 'lead' | 'manager' | 'member';

export interface PlanAccessFacts {
  tenant: string;
  lead: { personId: string; agencyId: string };
  memberAgencyIds: readonly string[];
}

export function relationshipTo(caller: Caller, plan: PlanAccessFacts): PlanRelationship | undefined {
  if (caller.tenant !== plan.tenant) return undefined;
  if (caller.personId === plan.lead.personId && caller.agencyId === plan.lead.agencyId) return 'lead';
  if (caller.roles.includes('manager')) return 'manager';
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
