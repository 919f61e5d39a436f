import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/**
 * `baton.order.prosecution-rejected.v1`: the second approver did not confirm the referral; the case
 * goes back to the responsible officer for another decision.
 */
export class OrderProsecutionRejectedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  decidedBy: ActorSummary;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  rejectedBy: ActorSummary;

  @IsTimestamp()
  rejectedAt: string;
}
