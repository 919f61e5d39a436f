import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { REFERRAL_URGENCIES, type LevelOfNeed, type ReferralUrgency } from '@baton/contracts';

export const REFERRAL_STATUSES = ['received', 'decided', 'withdrawn'] as const;

export class ListReferralsQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: (typeof REFERRAL_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class TriageQueueQueryDto extends ListReferralsQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_URGENCIES })
  @IsOptional()
  @IsIn(REFERRAL_URGENCIES)
  urgency?: ReferralUrgency;

  @ApiPropertyOptional({ description: 'Only referrals past their decision deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  proposedLevelOfNeed?: LevelOfNeed;
}
