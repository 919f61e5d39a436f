import { IsArray, IsString, IsUUID } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';

/** `baton.referral.linked.v1`: a new referral concerns children already in an open referral, so it joins that one. */
export class ReferralLinkedV1 {
  @IsUUID('all')
  referralId: string;

  @IsUUID('all')
  linkedToReferralId: string;

  @IsUUID('all')
  familyId: string;

  /** Ids of the matching children as they appear in the existing referral. */
  @IsArray()
  @IsUUID('all', { each: true })
  matchedChildIds: string[];

  /** The agency holding the existing referral, who now hears about the new one. */
  @IsString()
  ownerAgencyId: string;

  @IsTimestamp()
  receivedAt: string;
}
