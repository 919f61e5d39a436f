import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.agreement-withdrawn.v1`: the family withdrew its agreement. From now on no new information about
 * the family flows to partners: the plan takes no further changes except closing or stepping up (where a
 * child is at risk, safeguarding does not wait for consent: Data Protection Act 2018 sch. 1 para. 18).
 */
export class PlanAgreementWithdrawnV1 {
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

  @IsTimestamp()
  withdrawnAt: string;

  @IsString()
  reason: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  recordedBy: ActorSummary;
}
