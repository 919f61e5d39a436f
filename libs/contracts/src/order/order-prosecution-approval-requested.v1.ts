import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/**
 * `baton.order.prosecution-approval-requested.v1`: the responsible officer referred a breach for
 * prosecution; a manager of the holding agency other than the officer must approve or reject it.
 */
export class OrderProsecutionApprovalRequestedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  requestedBy: ActorSummary;

  @IsTimestamp()
  requestedAt: string;
}
