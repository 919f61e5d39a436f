import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { OrderEvents, type CloudEvent } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';
import { FanOut } from './fan-out.usecase.js';

/** Parenting order events with routing rules. One durable consumer per type, each event handled in its inbox transaction. */
@Controller()
export class OrderIntakeController {
  constructor(private readonly fanOut: FanOut) {}

  @OnEvent(OrderEvents.enforcementOpened)
  onOrderEnforcementOpened(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(OrderEvents.contactOverdue)
  onOrderContactOverdue(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(OrderEvents.enforcementDecided)
  onOrderEnforcementDecided(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(OrderEvents.prosecutionApprovalRequested)
  onOrderProsecutionApprovalRequested(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(OrderEvents.prosecutionApproved)
  onOrderProsecutionApproved(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }

  @OnEvent(OrderEvents.prosecutionRejected)
  onOrderProsecutionRejected(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }
}
