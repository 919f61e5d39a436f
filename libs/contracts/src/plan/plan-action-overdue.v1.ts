import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { PlanAction, PlanSnapshot } from './plan-summaries.js';

/** `baton.plan.action-overdue.v1`: an action passed its due date undone; emitted once per action and due date. */
export class PlanActionOverdueV1 {
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
  @Type(() => PlanAction)
  action: PlanAction;

  @IsTimestamp()
  detectedAt: string;
}
