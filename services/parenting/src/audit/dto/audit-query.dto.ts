import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@baton/contracts';

/** The exceptions a manager audits (issue 4: Manager audit). */
export const EXCEPTION_KINDS = [
  'no-contact-within-deadline',
  'no-decision',
  'prosecution-awaiting-approval',
  'decided-without-contact',
  'past-end-still-open',
  'programme-beyond-3-months',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export class ExceptionsQueryDto {
  @ApiPropertyOptional({ enum: EXCEPTION_KINDS, description: 'Default: every kind' })
  @IsOptional()
  @IsIn(EXCEPTION_KINDS)
  kind?: ExceptionKind;

  @ApiPropertyOptional({ description: 'An auditor may name an agency; a manager sees their own' })
  @IsOptional()
  @IsString()
  agencyId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class ConsistencyQueryDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  to: string;
}
