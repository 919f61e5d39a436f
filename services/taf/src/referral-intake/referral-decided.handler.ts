import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReferralEvents, type CloudEvent, type ReferralDecidedV1 } from '@baton/contracts';
import { JetStreamContext, OnEvent } from '@baton/messaging';
import { AcceptReferral } from './accept-referral.usecase.js';

/** Consumes triage decisions: an early-help acceptance opens a plan or joins one (in the inbox's transaction). */
@Controller()
export class ReferralDecidedHandler {
  constructor(private readonly accept: AcceptReferral) {}

  @OnEvent(ReferralEvents.decided)
  async onDecided(@Payload() event: CloudEvent<ReferralDecidedV1>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.accept.execute(ctx.manager, event);
  }
}
