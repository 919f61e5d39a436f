import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, OUTCOME_PROGRESS, type OutcomeProgress } from '@baton/contracts';

export class AttendeeDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'mother', description: 'e.g. lead professional, mother, child, school' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  agencyId?: string;
}

export class OutcomeProgressDto {
  @ApiProperty()
  @IsUUID('all')
  outcomeId: string;

  @ApiProperty({
    enum: OUTCOME_PROGRESS,
    description:
      'Progress since the last review, from worse to achieved: worse (further from the outcome), no-change, ' +
      'some-progress, good-progress, achieved (the outcome is met)',
  })
  @IsIn(OUTCOME_PROGRESS)
  progress: OutcomeProgress;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RecordReviewDto {
  @ApiProperty({ example: '2027-01-04' })
  @IsCalendarDate()
  heldOn: string;

  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiProperty({ type: [OutcomeProgressDto], description: 'One entry for each agreed outcome' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OutcomeProgressDto)
  progress: OutcomeProgressDto[];

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  decisions: string;

  @ApiPropertyOptional({
    description: 'A working day after the review, within the cadence; by default one cadence on (a working day)',
  })
  @IsOptional()
  @IsCalendarDate()
  nextReviewDate?: string;
}
