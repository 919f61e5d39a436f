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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  allocatedWorkerName?: string;
}

export class WithdrawReferralDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
