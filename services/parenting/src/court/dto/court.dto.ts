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
import type { RequestExample } from '@baton/http-api';

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

/** The example the OpenAPI document shows (invented data). */
export const applyToCourtExample: RequestExample<ApplyToCourtDto> = {
  summary: 'The officer applies to vary the order',
  value: {
    kind: 'variation',
    applicant: 'responsible-officer',
    appliedOn: '2026-04-01',
    details: 'Replace escort to school with a home-between-hours requirement',
  },
};

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

/** The example the OpenAPI document shows (invented data). */
export const applicationOutcomeExample: RequestExample<ApplicationOutcomeDto> = {
  summary: 'The court grants a variation adding a requirement',
  value: {
    outcome: 'granted',
    decidedOn: '2026-04-20',
    addedRequirements: [
      {
        kind: 'home-between-hours',
        description: 'Alfie at home between 8pm and 7am',
        startsOn: '2026-04-21',
        endsOn: '2026-08-31',
      },
    ],
  },
};

export const APPELLANTS = ['parent', 'responsible-officer', 'applicant'] as const;

export class LodgeAppealDto {
  @ApiProperty({ enum: APPELLANTS })
  @IsIn(APPELLANTS)
  appellant: (typeof APPELLANTS)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  lodgedOn: string;
}

/** The example the OpenAPI document shows (invented data). */
export const lodgeAppealExample: RequestExample<LodgeAppealDto> = {
  summary: 'The parent appeals against the order',
  value: { appellant: 'parent', lodgedOn: '2026-02-20' },
};

export const APPEAL_DECISIONS = ['allowed', 'dismissed', 'abandoned'] as const;

export class AppealOutcomeDto {
  @ApiProperty({ enum: APPEAL_DECISIONS, description: 'allowed quashes the order' })
  @IsIn(APPEAL_DECISIONS)
  outcome: (typeof APPEAL_DECISIONS)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  decidedOn: string;
}

/** The example the OpenAPI document shows (invented data). */
export const appealOutcomeExample: RequestExample<AppealOutcomeDto> = {
  summary: 'The appeal is dismissed',
  value: { outcome: 'dismissed', decidedOn: '2026-03-16' },
};

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

/** The example the OpenAPI document shows (invented data). */
export const completeOrderExample: RequestExample<CompleteOrderDto> = {
  summary: 'The order completes',
  value: {
    completedOn: '2027-01-29',
    summary: 'All requirements met; attendance now 94%',
  },
};
