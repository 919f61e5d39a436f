import { IsIn, IsString, IsUUID } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';
import { REFERRAL_URGENCIES, type ReferralUrgency } from './referral-values.js';

/** `baton.referral.decision-overdue.v1`: the one-working-day triage deadline passed with no decision. */
export class ReferralDecisionOverdueV1 {
  @IsUUID('all')
  referralId: string;

  @IsUUID('all')
  familyId: string;

  @IsString()
  receivingAgencyId: string;

  @IsTimestamp()
  decisionDueAt: string;

  @IsTimestamp()
  detectedAt: string;

  @IsIn(REFERRAL_URGENCIES)
  urgency: ReferralUrgency;
}
