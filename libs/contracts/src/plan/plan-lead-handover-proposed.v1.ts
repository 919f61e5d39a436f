import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { FamilyLeadPreferenceRecord, PlanProfessional, PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.lead-handover-proposed.v1`: a change of lead professional was proposed. Nothing changes until
 * the proposed lead accepts; the current lead stays the lead meanwhile.
 */
export class PlanLeadHandoverProposedV1 {
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
  @Type(() => PlanProfessional)
  proposedLead: PlanProfessional;

  @ValidateNested()
  @Type(() => FamilyLeadPreferenceRecord)
  familyPreference: FamilyLeadPreferenceRecord;

  @IsOptional()
  @IsString()
  reason?: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  proposedBy: ActorSummary;

  @IsTimestamp()
  proposedAt: string;

  /** A proposal still pending that this one replaced. */
  @IsOptional()
  @IsUUID('all')
  supersedesHandoverId?: string;
}
