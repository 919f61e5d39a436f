import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.completed.v1`: the responsible officer recorded that every requirement was completed. */
export class OrderCompletedV1 extends OrderEventBase {
  @IsCalendarDate()
  completedOn: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  completedBy: ActorSummary;
}
