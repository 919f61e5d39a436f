import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';
import { PLAN_CLOSURE_REASONS, type PlanClosureReason } from './plan-values.js';

/** `baton.plan.closed.v1`: the plan closed with a reason; the last event of a plan. */
export class PlanClosedV1 {
  @IsUUID('all')
  planId: string;

  @IsUUID('all')
  familyId: string;

  /** Rises by one with every change to the plan: a consumer ignores an event older than the copy it holds. */
  @IsInt()
  @Min(1)
  planVersion: number;

  @ValidateNested()
  @Type(() => PlanSnapshot)
  plan: PlanSnapshot;

  @IsIn(PLAN_CLOSURE_REASONS)
  reason: PlanClosureReason;

  /** Required when the reason is `other`; otherwise any note. */
  @IsOptional()
  @IsString()
  reasonText?: string;

  @IsTimestamp()
  closedAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  closedBy: ActorSummary;
}
