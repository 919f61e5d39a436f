import type { PlanConcernJoinedV1 } from '@baton/contracts';
import type { RecordedEvent } from './recorded-event.js';

export const CONCERN_JOINED = 'baton.plan.concern-joined.v1';

/**
 * One family, one identity. A referral about a child already in an open plan was filed by the referrals service
 * under a family of its own; taf joined its concern to the plan and said so (`plan.concern-joined`, naming the
 * referral's family as `referralFamilyId`). From then on that family is the plan's: the views merge it in, or the
 * child would be listed twice — once with the lead professional and once without.
 */
export function familyMergeOf(event: RecordedEvent): { from: string; into: string } | undefined {
  if (event.type !== CONCERN_JOINED) return undefined;
  const { familyId, referralFamilyId } = event.data as PlanConcernJoinedV1;
  if (typeof referralFamilyId !== 'string' || referralFamilyId === familyId) return undefined;
  return { from: referralFamilyId, into: familyId };
}
