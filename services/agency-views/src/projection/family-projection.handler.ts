import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
// A value import, not `import type`: the parameter's decorator metadata must name CloudEvent, or the global
// ValidationPipe is handed `Function` as the type in a compiled build and refuses every event.
import { CloudEvent } from '@baton/contracts';
import { ALL_EVENTS, OnEvent, type JetStreamContext } from '@baton/messaging';
import { FamilyProjection } from './family-projection.js';

/**
 * One durable consumer for every event, rather than one per type: the views then advance in stream order and
 * their position is a single stream sequence. Events that concern no family view only advance the position.
 */
@Controller()
export class FamilyProjectionHandler {
  constructor(private readonly projection: FamilyProjection) {}

  @OnEvent(ALL_EVENTS)
  async onEvent(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.projection.apply(ctx.manager, event, ctx.streamSequence, { notify: true });
  }
}
