import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { PlanAction, PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.action-added.v1`: an action was added to the plan for a member agency. */
export class PlanActionAddedV1 {
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

  @ValidateNested()
  @Type(() => ActorSummary)
  addedBy: ActorSummary;
}
