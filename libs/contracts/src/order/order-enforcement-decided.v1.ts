import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Min, ValidateNested, IsObject, IsOptional } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { OrderEventBase } from './order-summaries.js';
import { ENFORCEMENT_DECISIONS, type EnforcementDecision } from './order-values.js';

/**
 * `baton.order.enforcement-decided.v1`: the responsible officer decided on an apparent breach. A
 * prosecution referral does not take effect until a second person, a manager, approves it.
 */
export class OrderEnforcementDecidedV1 extends OrderEventBase {
  @IsUUID('all')
  enforcementId: string;

  @IsIn(ENFORCEMENT_DECISIONS)
  decision: EnforcementDecision;

  @IsTimestamp()
  decidedAt: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  decidedBy: ActorSummary;

  /**
   * False for a prosecution referral awaiting its second approver: it counts as a prosecution only once
   * `order.prosecution-approved` follows, and as no decision again after `order.prosecution-rejected`.
   */
  @IsBoolean()
  takesEffect: boolean;

  /** Working days from the breach to this decision, as managers compare them across agencies. */
  @IsInt()
  @Min(0)
  workingDaysFromBreach: number;

  /**
   * True when the decision was recorded before any contact with the parent: the law allows it (CDA 1998 s.9(7)
   * makes no contact a condition), practice expects contact first, so it is shown to managers as an exception.
   * Absent from older producers.
   */
  @IsOptional()
  @IsBoolean()
  decidedWithoutContact?: boolean;
}
