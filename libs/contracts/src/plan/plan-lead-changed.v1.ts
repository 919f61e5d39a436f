import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { FamilyLeadPreferenceRecord, PlanProfessional, PlanSnapshot } from './plan-summaries.js';

/**
 * `baton.plan.lead-changed.v1`: the proposed lead accepted and is the lead professional from
 * `effectiveAt`; the previous lead's time ends at the same instant, so there is never a gap or two leads.
 * Every agency's view shows the new lead's name and contact.
 */
export class PlanLeadChangedV1 {
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
  lead: PlanProfessional;

  @ValidateNested()
  @Type(() => PlanProfessional)
  previousLead: PlanProfessional;

  @IsTimestamp()
  effectiveAt: string;

  @ValidateNested()
  @Type(() => FamilyLeadPreferenceRecord)
  familyPreference: FamilyLeadPreferenceRecord;
}
