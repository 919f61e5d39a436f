import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
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
import { CIN_REFERRAL_SOURCE_CODES, type CinReferralSourceCode } from './cin-referral-source.js';
import {
  ConsentSummary,
  ReferralCarerSummary,
  ReferralChildSummary,
  ReferralSourceSummary,
} from './referral-summaries.js';
import { REFERRAL_URGENCIES, type LevelOfNeed, type ReferralUrgency } from './referral-values.js';

/** `baton.referral.received.v1`: a referral about a family arrived and awaits triage. */
export class ReferralReceivedV1 {
  @IsUUID('all')
  referralId: string;

  @IsUUID('all')
  familyId: string;

  @IsTimestamp()
  receivedAt: string;

  /** One working day after receipt: the triage deadline. */
  @IsTimestamp()
  decisionDueAt: string;

  @IsIn(CIN_REFERRAL_SOURCE_CODES)
  sourceCode: CinReferralSourceCode;

  @ValidateNested()
  @Type(() => ReferralSourceSummary)
  source: ReferralSourceSummary;

  @IsString()
  receivingAgencyId: string;

  /** The level of need the referrer believes applies. */
  @IsInt()
  @Min(1)
  @Max(4)
  proposedLevelOfNeed: LevelOfNeed;

  @IsIn(REFERRAL_URGENCIES)
  urgency: ReferralUrgency;

  @ValidateNested()
  @Type(() => ConsentSummary)
  consent: ConsentSummary;

  @IsArray()
  @IsString({ each: true })
  concernCategories: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ReferralChildSummary)
  children: ReferralChildSummary[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReferralCarerSummary)
  carers: ReferralCarerSummary[];

  /** An open referral about the same children that this one was linked to at intake. */
  @IsOptional()
  @IsUUID('all')
  linkedToReferralId?: string;
}
