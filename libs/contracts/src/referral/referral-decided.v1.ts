import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { ActorSummary, ConsentSummary, ReferralCarerSummary, ReferralChildSummary } from './referral-summaries.js';
import { REFERRAL_OUTCOMES, type LevelOfNeed, type ReferralOutcome } from './referral-values.js';

/**
 * `baton.referral.decided.v1`: triage decided the outcome. Carries the family so that a plan can be
 * opened or social care can act without calling back.
 */
export class ReferralDecidedV1 {
  @IsUUID('all')
  referralId: string;

  @IsUUID('all')
  familyId: string;

  @IsIn(REFERRAL_OUTCOMES)
  outcome: ReferralOutcome;

  @IsInt()
  @Min(1)
  @Max(4)
  levelOfNeed: LevelOfNeed;

  @IsString()
  reasons: string;

  @IsTimestamp()
  decidedAt: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  decidedBy: ActorSummary;

  @IsString()
  receivingAgencyId: string;

  /** The referring agency, told the outcome; absent for individual referrers. */
  @IsOptional()
  @IsString()
  referrerAgencyId?: string;

  /** True on a step-up to children's social care: recipients act at once. */
  @IsBoolean()
  urgent: boolean;

  @IsOptional()
  @IsString()
  allocatedTeamId?: string;

  /** The allocated worker's `personId` in the tenant's people: the plan's first lead on acceptance for early help. */
  @IsOptional()
  @IsString()
  allocatedWorkerId?: string;

  /** The allocated worker's name as the tenant's people record it (set with `allocatedWorkerId`). */
  @IsOptional()
  @IsString()
  allocatedWorkerName?: string;

  @ValidateNested()
  @Type(() => ConsentSummary)
  consent: ConsentSummary;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReferralChildSummary)
  children: ReferralChildSummary[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReferralCarerSummary)
  carers: ReferralCarerSummary[];
}
