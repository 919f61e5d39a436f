import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { BreakGlassEvents, newEvent } from '@baton/contracts';
import { claimIdempotencyKey, ProblemException, recordIdempotentEvents } from '@baton/http-api';
import { noteProducedEvents, Outbox, producedEventIds } from '@baton/messaging';
import { BreakGlassGrantQueries, grantView, type GrantRow, type GrantView } from './break-glass-grant.queries.js';
import { grantExpiry, type DurationLimits } from './break-glass.rules.js';
import type { RequestBreakGlassDto } from './dto/request-break-glass.dto.js';

export const BREAK_GLASS_LIMITS = Symbol('BREAK_GLASS_LIMITS');

/**
 * Breaks the glass: grants the caller (person at their agency) reading access to one family of their authority
 * until the grant expires, and tells the services holding the family's records in the same transaction
 * (`baton.break-glass.granted.v1`, through the outbox). It is granted on the person's own declaration, as an
 * emergency cannot wait for approval; auditors see every grant, its reason and every read made under it.
 */
@Injectable()
export class RequestBreakGlass {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly grants: BreakGlassGrantQueries,
    private readonly clock: Clock,
    @Inject(BREAK_GLASS_LIMITS) private readonly limits: DurationLimits,
  ) {}

  /** A retry with the same `Idempotency-Key` (and body) answers with the grant first made, not a second one. */
  async execute(caller: Caller, dto: RequestBreakGlassDto, idempotencyKey?: string): Promise<GrantView> {
    const now = this.clock.now();
    const expiry = grantExpiry(now, dto.durationMinutes, this.limits);
    if (!('expiresAt' in expiry)) {
      throw ProblemException.of(400, 'validation', 'The request is not valid', expiry.message, { errors: [expiry] });
    }
    const familyId = await this.grants.familyNamed(caller.tenant, dto);
    const row: GrantRow = {
      grant_id: randomUUID(),
      tenant: caller.tenant,
      family_id: familyId,
      person_id: caller.personId,
      person_name: caller.name,
      agency_id: caller.agencyId,
      roles: caller.roles,
      reason: dto.reason,
      details: dto.details,
      granted_at: now,
      expires_at: expiry.expiresAt,
      ended_at: null,
      ended_by_person_id: null,
      ended_by_agency_id: null,
    };
    return this.dataSource.transaction(async (tx) => {
      const scope = `${caller.tenant}/${caller.agencyId}/${caller.personId}/break-glass`;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey(tx, {
          scope,
          key: idempotencyKey,
          body: dto,
          resourceId: row.grant_id,
        });
        if (claim.replay) {
          const earlier = await this.grants.row(tx, caller.tenant, claim.resourceId);
          noteProducedEvents(claim.eventIds);
          if (earlier) return grantView(earlier, now);
        }
      }
      await tx.query(
        `INSERT INTO break_glass_grant (grant_id, tenant, family_id, person_id, person_name, agency_id, roles, reason,
                                        details, granted_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          row.grant_id,
          row.tenant,
          row.family_id,
          row.person_id,
          row.person_name,
          row.agency_id,
          row.roles,
          row.reason,
          row.details,
          row.granted_at,
          row.expires_at,
        ],
      );
      await this.outbox.append(
        tx,
        newEvent(BreakGlassEvents.granted, {
          source: 'baton/audit',
          subject: row.grant_id,
          tenant: caller.tenant,
          actor: caller.personId,
          actoragency: caller.agencyId,
          familyid: familyId,
          time: now,
          data: {
            grantId: row.grant_id,
            familyId,
            grantee: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId, roles: caller.roles },
            reason: dto.reason,
            details: dto.details,
            grantedAt: now.toISOString(),
            expiresAt: expiry.expiresAt.toISOString(),
          },
        }),
      );
      if (idempotencyKey) await recordIdempotentEvents(tx, { scope, key: idempotencyKey }, producedEventIds());
      return grantView(row, now);
    });
  }
}
