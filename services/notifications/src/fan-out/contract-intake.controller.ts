import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ContractEvents, type CloudEvent } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';
import { FanOut } from './fan-out.usecase.js';

/** Parenting contract events with routing rules. One durable consumer per type, each event handled in its inbox transaction. */
@Controller()
export class ContractIntakeController {
  constructor(private readonly fanOut: FanOut) {}

  @OnEvent(ContractEvents.breachRecorded)
  onContractBreachRecorded(@Payload() event: CloudEvent, @Ctx() ctx: JetStreamContext): Promise<number> {
    return this.fanOut.execute(event, ctx.manager);
  }
}
