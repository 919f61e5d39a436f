import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.outcomes-agreed.v1`: the lead professional recorded the outcomes agreed with the family and members. */
export class PlanOutcomesAgreedV1 {
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
  @Type(() => ActorSummary)
  agreedBy: ActorSummary;

  @IsTimestamp()
  agreedAt: string;
}
