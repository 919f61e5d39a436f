import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { ActorSummary } from './referral-summaries.js';

/** `baton.referral.withdrawn.v1`: the referral was withdrawn before a decision. */
export class ReferralWithdrawnV1 {
  @IsUUID('all')
  referralId: string;

  @IsUUID('all')
  familyId: string;

  @IsTimestamp()
  withdrawnAt: string;

  @IsString()
  reason: string;

  @ValidateNested()
  @Type(() => ActorSummary)
  withdrawnBy: ActorSummary;

  @IsString()
  receivingAgencyId: string;
}
