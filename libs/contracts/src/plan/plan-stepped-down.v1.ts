import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.stepped-down.v1`: the family's needs can be met by universal services. A `closed` event
 * (reason `stepped-down`) follows in the same transaction.
 */
export class PlanSteppedDownV1 {
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

  @IsString()
  reason: string;

  @IsTimestamp()
  steppedDownAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  steppedDownBy: ActorSummary;
}
