import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import { PARENT_CONTACT_METHODS, type ParentContactMethod } from './order-values.js';

/** `baton.order.parent-contacted.v1`: the parent was contacted about an apparent breach. */
export class OrderParentContactedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsTimestamp()
  contactedAt: string;

  @IsIn(PARENT_CONTACT_METHODS)
  method: ParentContactMethod;

  /** False when contact came after the one-working-day deadline. */
  @IsBoolean()
  withinDeadline: boolean;
}
