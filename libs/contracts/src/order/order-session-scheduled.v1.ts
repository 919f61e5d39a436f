import { IsUUID } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';

/** `baton.order.session-scheduled.v1`: the responsible officer scheduled a programme session. */
export class OrderSessionScheduledV1 extends OrderEventBase {
  @IsUUID('all')
  sessionId: string;

  @IsUUID('all')
  requirementId: string;

  @IsTimestamp()
  startsAt: string;

  @IsTimestamp()
  endsAt: string;
}
