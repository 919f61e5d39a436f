import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REFERRAL_OUTCOMES, type LevelOfNeed, type ReferralOutcome } from '@baton/contracts';

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

export class WithdrawReferralDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
