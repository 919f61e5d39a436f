import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  IsCalendarDate,
  IsPersonNameSearch,
  LEVELS_OF_NEED,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_RULE,
  type LevelOfNeed,
} from '@baton/contracts';
import { FreshnessQueryDto } from './freshness.query.dto.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListFamiliesQueryDto extends FreshnessQueryDto {
  @ApiPropertyOptional({ description: 'Only families where my agency has an open action past its due date' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdueActions?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 366,
    description: 'Only families whose next plan review is due within N days (or overdue)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  reviewDueWithinDays?: number;

  @ApiPropertyOptional({ type: 'integer', enum: LEVELS_OF_NEED })
  @IsOptional()
  @Type(() => Number)
  @IsIn(LEVELS_OF_NEED)
  levelOfNeed?: LevelOfNeed;

  @ApiPropertyOptional({
    description: 'Families with (true) or without (false) a parenting order in force that my agency may see',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasOrder?: boolean;

  @ApiPropertyOptional({
    minLength: 2,
    maxLength: PERSON_NAME_MAX_LENGTH,
    description: `Start of a child's or carer's given or family name; several words must all match. The characters a name may hold (${PERSON_NAME_RULE}), the same rule the referral, plan and order take names by`,
  })
  @IsOptional()
  @IsString()
  @Length(2, PERSON_NAME_MAX_LENGTH)
  @IsPersonNameSearch()
  name?: string;

  @ApiPropertyOptional({ description: "A child's date of birth, YYYY-MM-DD" })
  @IsOptional()
  @IsCalendarDate()
  childDateOfBirth?: string;

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
