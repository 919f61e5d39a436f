import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PLAN_ACTION_STATUSES, type PlanActionStatus } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class OutcomeDto {
  @ApiPropertyOptional({ description: 'An existing outcome to keep or reword; absent for a new one' })
  @IsOptional()
  @IsUUID('all')
  outcomeId?: string;

  @ApiProperty({ description: "One of the tenant's headline outcome codes (GET /v1/reference/plans)" })
  @IsString()
  @IsNotEmpty()
  headlineOutcome: string;

  @ApiProperty({ description: "In the family's words where possible", example: 'Alfie is in school every day' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;
}

/** The whole list of agreed outcomes: kept ones by id, new ones without. */
export class AgreeOutcomesDto {
  @ApiProperty({ type: [OutcomeDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OutcomeDto)
  outcomes: OutcomeDto[];
}

/** The example the OpenAPI document shows (invented data). */
export const agreeOutcomesExample: RequestExample<AgreeOutcomesDto> = {
  summary: 'The outcomes the family agreed',
  value: {
    outcomes: [
      { headlineOutcome: 'education', description: 'Alfie is in school every day' },
      { headlineOutcome: 'financial-stability', description: 'The family has enough money for food each week' },
    ],
  },
};

export class AddActionDto {
  @ApiProperty()
  @IsUUID('all')
  outcomeId: string;

  @ApiProperty({ example: 'Breakfast club place from Monday' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiProperty({ description: 'A member agency' })
  @IsString()
  @IsNotEmpty()
  ownerAgencyId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ownerPersonId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ownerName?: string;

  @ApiProperty({ example: '2026-12-04' })
  @IsCalendarDate()
  dueDate: string;
}

/** The example the OpenAPI document shows (invented data). */
export const addActionExample: RequestExample<AddActionDto> = {
  summary: 'An action towards an agreed outcome',
  value: {
    outcomeId: '3f2b8c1e-6d4a-4e9b-9a7c-2d5e8f1a4b6c',
    description: 'Breakfast club place from Monday',
    ownerAgencyId: 'demo-oakfield-primary',
    ownerName: 'Priya Lanternby',
    dueDate: '2026-12-04',
  },
};

/** A member's update to its own action: any of status and due date, with an optional note. */
export class UpdateActionDto {
  @ApiPropertyOptional({ enum: PLAN_ACTION_STATUSES })
  @IsOptional()
  @IsIn(PLAN_ACTION_STATUSES)
  status?: PlanActionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const updateActionExample: RequestExample<UpdateActionDto> = {
  summary: 'A member marks its action done',
  value: {
    status: 'done',
    note: 'Alfie has attended breakfast club every day this week',
  },
};
