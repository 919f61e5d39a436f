import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@baton/contracts';
import { ALL_EVENTS, OnEvent, type JetStreamContext } from '@baton/messaging';
import { FanOut } from './fan-out.usecase.js';

/**
 * Every domain event, through one durable consumer in stream order: a family's events reach each receiver in the
 * order they were published, which separate consumers per type could not promise. Each runs in the transaction that
 * records it in the inbox (a redelivery is skipped; a failure leaves nothing behind); types without a routing rule
 * are recorded and left; an event breaking its contract is dead-lettered by the transport before it gets here.
 */
@Controller()
export class EventIntakeController {
  constructor(private readonly fanOut: FanOut) {}

  // Readonly<…>: the parameter's design type is then Object, which the app-wide ValidationPipe passes through (the
  // transport has already validated the event against its contract); a class type would be re-validated as a DTO.
  @OnEvent(ALL_EVENTS)
  onEvent(@Payload() event: Readonly<CloudEvent>, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }
}
