import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { PlanMember, PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.member-joined.v1`: an agency joined the Team Around the Family and may now see the family. */
export class PlanMemberJoinedV1 {
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

  @ValidateNested()
  @Type(() => ActorSummary)
  addedBy: ActorSummary;
}
