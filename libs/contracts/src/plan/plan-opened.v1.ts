import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';
import { PLAN_ORIGINS, type PlanOrigin } from './plan-values.js';

/** `baton.plan.opened.v1`: a Team Around the Family plan opened, with its lead professional named from the start. */
export class PlanOpenedV1 {
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

  @IsIn(PLAN_ORIGINS)
  origin: PlanOrigin;

  /** The accepted referral the plan opened from, when it did. */
  @IsOptional()
  @IsUUID('all')
  referralId?: string;

  @IsTimestamp()
  openedAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  openedBy: ActorSummary;
}
