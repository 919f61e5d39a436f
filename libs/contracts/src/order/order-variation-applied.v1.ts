import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import {
  ORDER_APPLICANTS,
  ORDER_APPLICATION_KINDS,
  type OrderApplicant,
  type OrderApplicationKind,
} from './order-values.js';

/** `baton.order.variation-applied.v1`: an application to the court to vary or discharge the order. */
export class OrderVariationAppliedV1 extends OrderEventBase {
  @IsUUID('all')
  applicationId: string;

  @IsIn(ORDER_APPLICATION_KINDS)
  kind: OrderApplicationKind;

  @IsIn(ORDER_APPLICANTS)
  applicant: OrderApplicant;

  @IsCalendarDate()
  appliedOn: string;
}
