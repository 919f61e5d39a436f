import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.review-overdue.v1`: the plan's review date passed with no review recorded; emitted once per due date. */
export class PlanReviewOverdueV1 {
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

  @IsCalendarDate()
  reviewDueDate: string;

  @IsTimestamp()
  detectedAt: string;
}
