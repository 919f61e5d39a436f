import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PlanEvents, type CloudEvent } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';
import { FanOut } from './fan-out.usecase.js';

/** Team Around the Family plan events with routing rules. One durable consumer per type, each event handled in its inbox transaction. */
@Controller()
export class PlanIntakeController {
  constructor(private readonly fanOut: FanOut) {}

  @OnEvent(PlanEvents.opened)
  onPlanOpened(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.concernJoined)
  onPlanConcernJoined(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.leadChanged)
  onPlanLeadChanged(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.leadHandoverProposed)
  onPlanLeadHandoverProposed(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.memberJoined)
  onPlanMemberJoined(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.memberLeft)
  onPlanMemberLeft(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.actionAdded)
  onPlanActionAdded(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.actionUpdated)
  onPlanActionUpdated(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.actionOverdue)
  onPlanActionOverdue(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.reviewOverdue)
  onPlanReviewOverdue(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.steppedUp)
  onPlanSteppedUp(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.steppedDown)
  onPlanSteppedDown(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.closed)
  onPlanClosed(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(PlanEvents.agreementWithdrawn)
  onPlanAgreementWithdrawn(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }
}
