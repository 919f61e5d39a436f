import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import {
  ORDER_APPLICATION_KINDS,
  ORDER_APPLICATION_REFUSALS,
  type OrderApplicationKind,
  type OrderApplicationRefusal,
} from './order-values.js';

/** `baton.order.application-refused.v1`: an application to vary or discharge was refused or withdrawn. */
export class OrderApplicationRefusedV1 extends OrderEventBase {
  @IsUUID('all')
  applicationId: string;

  @IsIn(ORDER_APPLICATION_KINDS)
  kind: OrderApplicationKind;

  @IsIn(ORDER_APPLICATION_REFUSALS)
  outcome: OrderApplicationRefusal;

  @IsCalendarDate()
  decidedOn: string;
}
