import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, ValidateIf } from 'class-validator';
import { IsNotGivenWith } from '../validators/not-given-with.js';
import { IsCalendarDate } from '../validators/time-formats.js';
import {
  CONSENT_STATUSES,
  INDIVIDUAL_REFERRER_RELATIONSHIPS,
  REFERRAL_SOURCE_KINDS,
  type ConsentStatus,
  type IndividualReferrerRelationship,
  type ReferralSourceKind,
} from './referral-values.js';

/** A child named in a referral. Exactly one of `dateOfBirth` and `expectedDateOfBirth` (unborn). */
export class ReferralChildSummary {
  @IsUUID('all')
  childId: string;

  @IsString()
  givenName: string;

  @IsString()
  familyName: string;

  // Checked when given, and when neither is given, so a child with no date at all is refused.
  @ValidateIf((c: ReferralChildSummary) => c.dateOfBirth !== undefined || c.expectedDateOfBirth === undefined)
  @IsCalendarDate()
  dateOfBirth?: string;

  @ValidateIf((c: ReferralChildSummary) => c.expectedDateOfBirth !== undefined)
  @IsCalendarDate()
  @IsNotGivenWith('dateOfBirth')
  expectedDateOfBirth?: string;
}

export class ReferralCarerSummary {
  @IsUUID('all')
  carerId: string;

  @IsString()
  givenName: string;

  @IsString()
  familyName: string;

  /** To the children, in the referrer's words, e.g. `mother`, `grandparent`. */
  @IsString()
  relationship: string;
}

/** Who referred, without names: the referrer's identity stays in the referrals service. */
export class ReferralSourceSummary {
  @IsIn(REFERRAL_SOURCE_KINDS)
  kind: ReferralSourceKind;

  /** The referring agency, for a practitioner. */
  @IsOptional()
  @IsString()
  agencyId?: string;

  /** How an individual referrer stands to the family. */
  @IsOptional()
  @IsIn(INDIVIDUAL_REFERRER_RELATIONSHIPS)
  relationship?: IndividualReferrerRelationship;

  /** The family must not learn who referred them. */
  @IsBoolean()
  identityWithheld: boolean;
}

/** The family's consent to the referral and to sharing; without it, the lawful basis relied on. */
export class ConsentSummary {
  @IsIn(CONSENT_STATUSES)
  status: ConsentStatus;

  @IsBoolean()
  sharingAgreed: boolean;

  @IsOptional()
  @IsString()
  lawfulBasis?: string;
}

/** A person acting for an agency, as recorded by the service. */
export class ActorSummary {
  @IsString()
  @IsNotEmpty()
  personId: string;

  @IsString()
  name: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;
}
