import type { Caller } from '@baton/auth';

/** A service's copy of one break-glass grant, as the audit service's events describe it. */
export interface BreakGlassGrant {
  grantId: string;
  tenant: string;
  familyId: string;
  personId: string;
  agencyId: string;
  reason: string;
  expiresAt: Date;
  endedAt: Date | null;
}

/**
 * Whether a grant lets this caller read this family's records now: the grantee (person AND agency, in the grant's
 * tenant), the grant's family only, before it expires and unless it was ended. A grant never covers another
 * family, another agency's token with the grantee's person id, or anyone after `expiresAt`.
 */
export function grantCovers(grant: BreakGlassGrant, caller: Caller, familyId: string, now: Date): boolean {
  return (
    grant.tenant === caller.tenant &&
    grant.familyId === familyId &&
    grant.personId === caller.personId &&
    grant.agencyId === caller.agencyId &&
    now < grant.expiresAt &&
    (grant.endedAt === null || now < grant.endedAt)
  );
}
