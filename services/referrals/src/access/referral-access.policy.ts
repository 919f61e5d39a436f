import { worksWithFamilies, type Caller } from '@baton/auth';
import type { Referral } from '../referral/referral.entity.js';

/** How a caller's agency stands to a referral; no relationship means the referral does not exist for them. */
export type ReferralRelationship = 'receiving-agency' | 'referrer' | 'break-glass';

/**
 * The receiving agency sees the whole referral; the referring agency sees its status and outcome;
 * anyone else — another agency, another local authority, or a caller without a casework role (an agency admin)
 * — is answered 404, never 403. A caller with no
 * relationship but a live break-glass grant for the referral's family (`break-glass`, decided by the loader) reads
 * what the referrer sees, and changes nothing.
 */
export function relationshipTo(caller: Caller, referral: Referral): ReferralRelationship | undefined {
  if (caller.tenant !== referral.tenant || !worksWithFamilies(caller)) return undefined;
  if (caller.agencyId === referral.receivingAgencyId) return 'receiving-agency';
  if (referral.referrerAgencyId !== null && caller.agencyId === referral.referrerAgencyId) return 'referrer';
  return undefined;
}
