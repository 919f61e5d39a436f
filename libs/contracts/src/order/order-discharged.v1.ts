import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.discharged.v1`: the court discharged the order on application. */
export class OrderDischargedV1 extends OrderEventBase {
  @IsUUID('all')
  applicationId: string;

  @IsCalendarDate()
  dischargedOn: string;
}
