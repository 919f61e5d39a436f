import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import { COMPLIANCE_OUTCOMES, type ComplianceOutcome } from './order-values.js';

/**
 * `baton.order.compliance-recorded.v1`: compliance with a session or a requirement was recorded.
 * The excuse given stays in the parenting service.
 */
export class OrderComplianceRecordedV1 extends OrderEventBase {
  @IsUUID('all')
  complianceId: string;

  @IsUUID('all')
  requirementId: string;

  /** Present when compliance was recorded for one programme session. */
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;

  @IsCalendarDate()
  occurredOn: string;

  @IsIn(COMPLIANCE_OUTCOMES)
  outcome: ComplianceOutcome;
}
