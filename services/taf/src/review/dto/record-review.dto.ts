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
import type { RequestExample } from '@baton/http-api';

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

/** The example the OpenAPI document shows (invented data). */
export const recordReviewExample: RequestExample<RecordReviewDto> = {
  summary: 'A review meeting and the progress it found',
  value: {
    heldOn: '2027-01-04',
    attendees: [
      { name: 'Jo Brightwater', role: 'mother' },
      { name: 'Priya Lanternby', role: 'lead professional', agencyId: 'demo-oakfield-primary' },
    ],
    progress: [
      { outcomeId: '3f2b8c1e-6d4a-4e9b-9a7c-2d5e8f1a4b6c', progress: 'good-progress', note: 'Attendance 96%' },
    ],
    decisions: 'Keep the breakfast club place; review again in six weeks',
    nextReviewDate: '2027-02-15',
  },
};
