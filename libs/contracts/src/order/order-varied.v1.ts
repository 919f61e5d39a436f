import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase, OrderRequirementSummary } from './order-summaries.js';

/** `baton.order.varied.v1`: the court granted a variation; carries the requirements now in force. */
export class OrderVariedV1 extends OrderEventBase {
  @IsUUID('all')
  applicationId: string;

  @IsCalendarDate()
  variedOn: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrderRequirementSummary)
  requirements: OrderRequirementSummary[];
}
