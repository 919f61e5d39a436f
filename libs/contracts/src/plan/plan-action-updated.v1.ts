import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { PlanAction, PlanSnapshot } from './plan-summaries.js';
import { PLAN_ACTION_STATUSES, type PlanActionStatus } from './plan-values.js';

/** `baton.plan.action-updated.v1`: a member updated its own action (status, due date or note). */
export class PlanActionUpdatedV1 {
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

  @ValidateNested()
  @Type(() => PlanAction)
  action: PlanAction;

  @IsIn(PLAN_ACTION_STATUSES)
  previousStatus: PlanActionStatus;

  @IsOptional()
  @IsString()
  note?: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  updatedBy: ActorSummary;
}
