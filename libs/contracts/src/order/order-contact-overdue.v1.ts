import { IsUUID } from 'class-validator';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.contact-overdue.v1`: one working day passed after an apparent breach with no contact. */
export class OrderContactOverdueV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsCalendarDate()
  breachOn: string;

  @IsTimestamp()
  contactDueAt: string;

  @IsTimestamp()
  detectedAt: string;
}
