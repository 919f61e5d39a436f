import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.concern-joined.v1`: a referral accepted for early help named a child already in this open
 * plan, so its concern joined the plan instead of opening a second one. The lead professional is told.
 */
export class PlanConcernJoinedV1 {
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
  referralId: string;

  /**
   * The family id the referrals service gave the new referral. From this event on that family is the plan's
   * (`familyId`): one family, one identity. The referrals service re-files the referral (and any linked to it)
   * under `familyId`, and agency-views merges the two families, so the child is listed once, with its lead.
   */
  @IsUUID('all')
  referralFamilyId: string;

  /** Plan children the referral named. */
  @IsArray()
  @IsUUID('all', { each: true })
  matchedChildIds: string[];

  /** Children and carers the referral named that the plan did not have, now added to it. */
  @IsArray()
  @IsUUID('all', { each: true })
  addedChildIds: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  addedCarerIds: string[];

  @IsTimestamp()
  joinedAt: string;

  /** Who accepted the referral for early help. */
  @ValidateNested()
  @Type(() => ActorSummary)
  decidedBy: ActorSummary;
}
