import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.lead-handover-declined.v1`: the proposed lead declined; the current lead stays. */
export class PlanLeadHandoverDeclinedV1 {
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

  @IsUUID('all')
  handoverId: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  declinedBy: ActorSummary;

  @IsTimestamp()
  declinedAt: string;

  @IsString()
  reason: string;
}
