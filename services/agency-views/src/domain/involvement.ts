import type { FamilyDocument, ParentingRecord } from './family-document.js';

/** How an agency stands to a family. An agency with none is not involved: the family does not exist for it. */
export const RELATIONSHIPS = [
  'referrer',
  'receiving-agency',
  'lead-professional',
  'plan-member',
  'parenting-holder',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * How a caller reads one family: through their agency's relationships, or — with none — through a live
 * break-glass grant, which shows the family as a plan member's agency sees it (never an order's legal basis,
 * no actions of its own, no referrals).
 */
export type ViewRelationship = Relationship | 'break-glass';

/**
 * Every agency involved with the family and how. Agencies see families only where they are involved
 * (DOMAIN.md, information sharing; UK GDPR art. 5(1)(c) data minimisation):
 * - the referrer and receiving agency of a referral awaiting triage, and of one accepted for early help until
 *   a plan takes it on (then the plan decides who is involved);
 * - the lead professional's agency and every member of an open plan — so a member removed from the plan
 *   loses the family in the same update;
 * - the agency holding an active parenting contract or order.
 */
export function involvedAgencies(document: FamilyDocument): Map<string, Relationship[]> {
  const involved = new Map<string, Set<Relationship>>();
  const add = (agencyId: string | undefined, relationship: Relationship) => {
    if (agencyId === undefined) return;
    const set = involved.get(agencyId) ?? new Set<Relationship>();
    set.add(relationship);
    involved.set(agencyId, set);
  };
  const inPlan = new Set(document.plan?.referralIds ?? []);
  for (const referral of document.referrals) {
    const awaitingPlan =
      referral.status === 'decided' && referral.outcome === 'accept-early-help' && !inPlan.has(referral.referralId);
    if (referral.status === 'received' || awaitingPlan) {
      add(referral.receivingAgencyId, 'receiving-agency');
      add(referral.referrerAgencyId, 'referrer');
    }
  }
  if (document.plan?.open) {
    add(document.plan.lead.agencyId, 'lead-professional');
    for (const member of document.plan.members) add(member.agencyId, 'plan-member');
  }
  for (const record of document.parenting) if (record.active) add(record.holderAgencyId, 'parenting-holder');
  return new Map(
    [...involved.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agency, set]) => [agency, RELATIONSHIPS.filter((r) => set.has(r))]),
  );
}

/**
 * Where a parenting contract or order stands (never its grounds, which stay in the parenting service) is shown
 * to the agency holding it, the lead professional's agency and the plan's members — the agencies coordinating
 * the family's support — and to no one else (UK GDPR art. 10: an order arises from criminal or school
 * attendance proceedings; data minimisation, art. 5(1)(c)).
 */
export function parentingVisibleTo(
  relationships: readonly ViewRelationship[],
  record: ParentingRecord,
  agencyId: string,
) {
  return (
    record.holderAgencyId === agencyId ||
    relationships.includes('lead-professional') ||
    relationships.includes('plan-member') ||
    relationships.includes('break-glass')
  );
}
