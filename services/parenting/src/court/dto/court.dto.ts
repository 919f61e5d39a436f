import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  ORDER_APPLICANTS,
  ORDER_APPLICATION_KINDS,
  type OrderApplicant,
  type OrderApplicationKind,
} from '@baton/contracts';
import { RequirementDto } from '../../order/dto/requirement.dto.js';

export class ApplyToCourtDto {
  @ApiProperty({ enum: ORDER_APPLICATION_KINDS })
  @IsIn(ORDER_APPLICATION_KINDS)
  kind: OrderApplicationKind;

  @ApiProperty({ enum: ORDER_APPLICANTS, description: 'CDA 1998 s.9(5): the responsible officer or the parent' })
  @IsIn(ORDER_APPLICANTS)
  applicant: OrderApplicant;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  appliedOn: string;

  @ApiProperty({ description: 'What is sought and why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  details: string;
}

export const APPLICATION_OUTCOMES = ['granted', 'refused', 'withdrawn'] as const;

export class ApplicationOutcomeDto {
  @ApiProperty({ enum: APPLICATION_OUTCOMES })
  @IsIn(APPLICATION_OUTCOMES)
  outcome: (typeof APPLICATION_OUTCOMES)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  decidedOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'A variation: the new last day of the requirements' })
  @IsOptional()
  @IsCalendarDate()
  requirementsEndOn?: string;

  @ApiPropertyOptional({ type: [RequirementDto], description: 'A variation: requirements the court added' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  addedRequirements?: RequirementDto[];
}

export const APPELLANTS = ['parent', 'responsible-officer', 'applicant'] as const;

export class LodgeAppealDto {
  @ApiProperty({ enum: APPELLANTS })
  @IsIn(APPELLANTS)
  appellant: (typeof APPELLANTS)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  lodgedOn: string;
}

export const APPEAL_DECISIONS = ['allowed', 'dismissed', 'abandoned'] as const;

export class AppealOutcomeDto {
  @ApiProperty({ enum: APPEAL_DECISIONS, description: 'allowed quashes the order' })
  @IsIn(APPEAL_DECISIONS)
  outcome: (typeof APPEAL_DECISIONS)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  decidedOn: string;
}

export class CompleteOrderDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  completedOn: string;

  @ApiProperty({ description: 'How the requirements were met' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;
}
