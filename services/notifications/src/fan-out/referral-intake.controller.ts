import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReferralEvents, type CloudEvent } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';
import { FanOut } from './fan-out.usecase.js';

/**
 * The referral events this service routes, one durable consumer each. A handler runs in the transaction that records
 * the event in the inbox, so a redelivered event is skipped and a failed one leaves nothing behind; an event that
 * breaks its contract is dead-lettered by the transport before it gets here.
 */
@Controller()
export class ReferralIntakeController {
  constructor(private readonly fanOut: FanOut) {}

  @OnEvent(ReferralEvents.received)
  onReferralReceived(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(ReferralEvents.linked)
  onReferralLinked(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(ReferralEvents.decided)
  onReferralDecided(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(ReferralEvents.decisionOverdue)
  onReferralDecisionOverdue(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(ReferralEvents.withdrawn)
  onReferralWithdrawn(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }
}
