import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.expired.v1`: the requirements period ended with no enforcement case open. */
export class OrderExpiredV1 extends OrderEventBase {
  @IsCalendarDate()
  expiredOn: string;
}
