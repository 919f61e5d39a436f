import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import { REQUIREMENT_KINDS, type RequirementKind } from './order-values.js';

/**
 * `baton.order.enforcement-opened.v1`: a failure without reasonable excuse is an apparent breach,
 * and an enforcement case is opened. The responsible officer must contact the parent by `contactDueAt`.
 */
export class OrderEnforcementOpenedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsUUID('all')
  complianceId: string;

  @IsUUID('all')
  requirementId: string;

  @IsIn(REQUIREMENT_KINDS)
  requirementKind: RequirementKind;

  @IsCalendarDate()
  breachOn: string;

  /**
   * The end of the next working day after the breach itself (`breachOn`), not after it was recorded: a breach
   * entered late is overdue from the moment it is recorded.
   */
  @IsTimestamp()
  contactDueAt: string;

  /** True when the breach was recorded after `contactDueAt` had already passed (absent from older producers). */
  @IsOptional()
  @IsBoolean()
  recordedLate?: boolean;
}
