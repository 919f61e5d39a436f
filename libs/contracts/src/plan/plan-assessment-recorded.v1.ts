import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.assessment-recorded.v1`: an early help assessment was recorded. Says that it exists and with
 * which agencies it is shared; its content (strengths, needs, the family's view, the child's voice) stays in
 * the taf service and is read there by those entitled to it.
 */
export class PlanAssessmentRecordedV1 {
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
  assessmentId: string;

  @IsTimestamp()
  completedAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  completedBy: ActorSummary;

  @IsArray()
  @IsString({ each: true })
  sharedWithAgencyIds: string[];
}
