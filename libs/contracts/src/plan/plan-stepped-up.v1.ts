import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.stepped-up.v1`: the family's needs rose to children's social care (level 4). Urgent: the
 * receiving agency acts at once. A `closed` event (reason `stepped-up`) follows in the same transaction.
 */
export class PlanSteppedUpV1 {
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

  /** Always true: recipients act at once. */
  @IsIn([true])
  urgent: true;

  /** The children's social care agency the family is referred to. */
  @IsString()
  toAgencyId: string;

  @IsString()
  reason: string;

  @IsTimestamp()
  steppedUpAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  steppedUpBy: ActorSummary;
}
