import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
// A value import, not `import type`: the parameter's decorator metadata must name CloudEvent for the ValidationPipe.
import { CloudEvent, PlanEvents, type PlanConcernJoinedV1 } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';

/**
 * One family, one identity: a referral about a child already in an open plan joins that plan (taf decides, by the
 * child's identity), and from then on belongs to the plan's family. The referral — and any referral linked to it,
 * which shares its family — takes the plan's `familyId`, so its record, the school's follow-up and every view
 * name the family the plan knows. Runs in the inbox's transaction (effectively once); a redelivery changes nothing.
 */
@Controller()
export class PlanConcernJoinedHandler {
  @OnEvent(PlanEvents.concernJoined)
  async onConcernJoined(
    @Payload() event: CloudEvent<PlanConcernJoinedV1>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const { familyId, referralFamilyId } = event.data;
    if (familyId === referralFamilyId) return;
    await ctx.manager.query('UPDATE referral SET family_id = $1 WHERE tenant = $2 AND family_id = $3', [
      familyId,
      event.tenant,
      referralFamilyId,
    ]);
  }
}
