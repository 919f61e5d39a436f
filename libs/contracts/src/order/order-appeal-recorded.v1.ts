import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import { APPEAL_OUTCOMES, APPEAL_ROUTES, type AppealOutcome, type AppealRoute } from './order-values.js';

/** `baton.order.appeal-recorded.v1`: an appeal was lodged or decided; `allowed` quashes the order. */
export class OrderAppealRecordedV1 extends OrderEventBase {
  @IsUUID('all')
  appealId: string;

  @IsIn(APPEAL_ROUTES)
  route: AppealRoute;

  @IsIn(APPEAL_OUTCOMES)
  outcome: AppealOutcome;

  @IsCalendarDate()
  recordedOn: string;
}
