import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { BreakGlassEvents, type BreakGlassEndedV1, type BreakGlassGrantedV1, type CloudEvent } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';

/**
 * Keeps this service's copy of the break-glass grants the audit service makes and ends. Each handler runs in one
 * transaction with its inbox row (effectively once); an end that arrives before its grant is kept until it does.
 */
@Controller()
export class BreakGlassGrantsHandler {
  @OnEvent(BreakGlassEvents.granted)
  async onGranted(@Payload() event: CloudEvent<BreakGlassGrantedV1>, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { grantId, familyId, grantee, reason, expiresAt } = event.data;
    await ctx.manager.query(
      `INSERT INTO break_glass_grant (grant_id, tenant, family_id, person_id, agency_id, reason, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (grant_id) DO UPDATE
         SET tenant = excluded.tenant, family_id = excluded.family_id, person_id = excluded.person_id,
             agency_id = excluded.agency_id, reason = excluded.reason, expires_at = excluded.expires_at`,
      [grantId, event.tenant, familyId, grantee.personId, grantee.agencyId, reason, expiresAt],
    );
  }

  @OnEvent(BreakGlassEvents.ended)
  async onEnded(@Payload() event: CloudEvent<BreakGlassEndedV1>, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { grantId, familyId, endedAt } = event.data;
    // An end that overtakes its grant leaves a placeholder that is already over, filled in when the grant arrives.
    await ctx.manager.query(
      `INSERT INTO break_glass_grant (grant_id, tenant, family_id, person_id, agency_id, reason, expires_at, ended_at)
       VALUES ($1, $2, $3, '', '', '', $4, $4)
       ON CONFLICT (grant_id) DO UPDATE SET ended_at = excluded.ended_at`,
      [grantId, event.tenant, familyId, endedAt],
    );
  }
}
