import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { OUTCOME_PROGRESS, type OutcomeProgress } from './plan-values.js';

/** Someone at a review: a practitioner, a parent or carer, or the child. */
export class PlanReviewAttendee {
  @IsString()
  name: string;

  /** e.g. `lead professional`, `mother`, `child`, `school`. */
  @IsString()
  role: string;

  @IsOptional()
  @IsString()
  agencyId?: string;
}

/** Progress towards one agreed outcome since the last review, on the scale in `OUTCOME_PROGRESS`. */
export class PlanOutcomeProgress {
  @IsUUID('all')
  outcomeId: string;

  @IsIn(OUTCOME_PROGRESS)
  progress: OutcomeProgress;

  @IsOptional()
  @IsString()
  note?: string;
}
