import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanMember, PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.member-left.v1`: an agency left the plan; it no longer sees the family through it. */
export class PlanMemberLeftV1 {
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
  @Type(() => PlanMember)
  member: PlanMember;

  @IsTimestamp()
  leftAt: string;

  @IsString()
  reason: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  removedBy: ActorSummary;
}
