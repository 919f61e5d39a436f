import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.prosecution-approved.v1`: a second approver confirmed the referral for prosecution; it takes effect. */
export class OrderProsecutionApprovedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  decidedBy: ActorSummary;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  approvedBy: ActorSummary;

  @IsTimestamp()
  approvedAt: string;
}
