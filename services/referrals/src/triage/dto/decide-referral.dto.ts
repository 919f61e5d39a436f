import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REFERRAL_OUTCOMES, type LevelOfNeed, type ReferralOutcome } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class DecideReferralDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  @IsIn(REFERRAL_OUTCOMES)
  outcome: ReferralOutcome;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4, description: 'Level of need the triage team assessed' })
  @IsInt()
  @Min(1)
  @Max(4)
  levelOfNeed: LevelOfNeed;

  @ApiProperty({ description: 'Why; the referrer is told the outcome' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reasons: string;

  @ApiPropertyOptional({ description: "One of the tenant's teams" })
  @IsOptional()
  @IsString()
  allocatedTeamId?: string;

  @ApiPropertyOptional({
    description:
      "The worker allocated, by `personId` from the authority's people (`allocatableWorkers` in GET /v1/reference): " +
      'a practitioner of the receiving agency, who leads the plan an acceptance for early help opens, or on a ' +
      "step-up a practitioner of children's social care. Anyone else is a 422 (`isKnownPerson`, `allocatedWorkerMayLead`)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  allocatedWorkerId?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const decideReferralExample: RequestExample<DecideReferralDto> = {
  summary: 'The hub accepts a referral for early help',
  value: {
    outcome: 'accept-early-help',
    levelOfNeed: 3,
    reasons: 'Needs across education and family finances: a Team Around the Family is appropriate.',
  },
};

export class WithdrawReferralDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const withdrawReferralExample: RequestExample<WithdrawReferralDto> = {
  summary: 'The referrer withdraws a referral',
  value: {
    reason: 'Sent in error: the family is already known to the hub',
  },
};
