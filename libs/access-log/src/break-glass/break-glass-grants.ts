import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { worksWithFamilies, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { grantCovers, type BreakGlassGrant } from './break-glass-grant.rules.js';
import { noteGrantInUse } from './grants-in-use.js';

interface GrantRow {
  grant_id: string;
  tenant: string;
  family_id: string;
  person_id: string;
  agency_id: string;
  reason: string;
  expires_at: Date;
  ended_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one check every service makes before answering a read on a break-glass grant: the caller's grant for
 * the family, live by the service's clock, from the service's own copy of the audit service's grant events.
 * A grant found is noted for the request, so the access recorded for it says it was made under that grant.
 */
@Injectable()
export class BreakGlassGrants {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The caller's live grant for the family, if any (and only a read relies on it). */
  async liveFor(caller: Caller, familyId: string, tx?: EntityManager): Promise<BreakGlassGrant | undefined> {
    if (!UUID.test(familyId) || !worksWithFamilies(caller)) return undefined;
    const rows: GrantRow[] = await (tx ?? this.dataSource.manager).query(
      `SELECT grant_id, tenant, family_id, person_id, agency_id, reason, expires_at, ended_at
         FROM break_glass_grant
        WHERE tenant = $1 AND family_id = $2 AND person_id = $3 AND agency_id = $4
        ORDER BY expires_at DESC`,
      [caller.tenant, familyId, caller.personId, caller.agencyId],
    );
    const now = this.clock.now();
    const grant = rows
      .map((r): BreakGlassGrant => ({
        grantId: r.grant_id,
        tenant: r.tenant,
        familyId: r.family_id,
        personId: r.person_id,
        agencyId: r.agency_id,
        reason: r.reason,
        expiresAt: r.expires_at,
        endedAt: r.ended_at,
      }))
      .find((g) => grantCovers(g, caller, familyId, now));
    if (grant) noteGrantInUse(grant);
    return grant;
  }
}
