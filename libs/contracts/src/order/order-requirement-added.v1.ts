import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ValidateNested, IsObject } from 'class-validator';
import { OrderEventBase, OrderRequirementSummary } from './order-summaries.js';

/** `baton.order.requirement-added.v1`: a requirement was recorded on an order in force. */
export class OrderRequirementAddedV1 extends OrderEventBase {
  @IsObject()
  @ValidateNested()
  @Type(() => OrderRequirementSummary)
  requirement: OrderRequirementSummary;
}
