import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
// A value import, not `import type`: the parameters' decorator metadata must name CloudEvent, or the global
// ValidationPipe is handed `Function` as the type in a compiled build and refuses every event.
import { CloudEvent } from '@baton/contracts';
import { eventsOfAggregate, OnEvent, type JetStreamContext } from '@baton/messaging';
import { FamilyProjection } from './family-projection.js';

/**
 * One durable consumer per aggregate the views are folded from, each taking that aggregate's whole life in
 * stream order — and none of the rest of the stream (access records above all), which changes no view.
 * Across aggregates the order is not kept; the fold does not need it.
 */
@Controller()
export class FamilyProjectionHandler {
  constructor(private readonly projection: FamilyProjection) {}

  @OnEvent(eventsOfAggregate('referral'))
  onReferralEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.projection.apply(ctx.manager, event, ctx.streamSequence, { notify: true });
  }

  @OnEvent(eventsOfAggregate('plan'))
  onPlanEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.projection.apply(ctx.manager, event, ctx.streamSequence, { notify: true });
  }

  @OnEvent(eventsOfAggregate('contract'))
  onContractEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.projection.apply(ctx.manager, event, ctx.streamSequence, { notify: true });
  }

  @OnEvent(eventsOfAggregate('order'))
  onOrderEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.projection.apply(ctx.manager, event, ctx.streamSequence, { notify: true });
  }
}
