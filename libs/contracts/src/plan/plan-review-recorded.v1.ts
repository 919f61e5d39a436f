import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsCalendarDate } from '../validators/time-formats.js';
import { PlanOutcomeProgress, PlanReviewAttendee } from './plan-review-summaries.js';
import { PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.review-recorded.v1`: a plan review was held; carries progress per outcome and the next review date. */
export class PlanReviewRecordedV1 {
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
  reviewId: string;

  @IsCalendarDate()
  heldOn: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanReviewAttendee)
  attendees: PlanReviewAttendee[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanOutcomeProgress)
  progress: PlanOutcomeProgress[];

  @IsString()
  decisions: string;

  @IsCalendarDate()
  nextReviewDate: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  recordedBy: ActorSummary;
}
