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
import {
  IsCalendarDate,
  IsNhsNumber,
  IsPersonName,
  IsTimestamp,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_RULE,
} from '@baton/contracts';
import { MemberDto, ProfessionalDto } from './people.dto.js';
import type { RequestExample } from '@baton/http-api';

export class PlanChildDto {
  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  givenName: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  familyName: string;

  @ApiPropertyOptional({ example: '2017-03-14' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'For an unborn child', example: '2027-02-01' })
  @IsOptional()
  @IsCalendarDate()
  expectedDateOfBirth?: string;

  @ApiPropertyOptional({ description: '10-digit NHS number with a valid check digit; kept in taf only' })
  @IsOptional()
  @IsNhsNumber()
  nhsNumber?: string;
}

export class PlanCarerDto {
  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  givenName: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  familyName: string;

  @ApiProperty({ example: 'mother' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship: string;
}

/** The family's agreement to the plan and to sharing with its members: required to open a plan directly. */
export class FamilyAgreementDto {
  @ApiProperty({ description: 'When the family agreed', example: '2026-11-20T10:00:00Z' })
  @IsTimestamp()
  agreedAt: string;

  @ApiProperty({ description: 'How it was recorded', example: 'signed plan agreement at home visit' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  recordedAs: string;
}

/** Levels a Team Around the Family plan serves: 2 (additional) and 3 (complex); 4 is children's social care. */
export const PLAN_LEVELS = [2, 3] as const;

export class OpenPlanDto {
  @ApiPropertyOptional({ description: 'The family id other services know (e.g. from its referral); new if absent' })
  @IsOptional()
  @IsUUID('all')
  familyId?: string;

  @ApiPropertyOptional({ description: 'An accepted referral this plan opens from' })
  @IsOptional()
  @IsUUID('all')
  referralId?: string;

  @ApiProperty({ type: 'integer', enum: PLAN_LEVELS })
  @IsIn(PLAN_LEVELS)
  levelOfNeed: 2 | 3;

  @ApiProperty({ type: [PlanChildDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlanChildDto)
  children: PlanChildDto[];

  @ApiProperty({ type: [PlanCarerDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlanCarerDto)
  carers: PlanCarerDto[];

  @ApiProperty({ description: 'The lead professional, named explicitly' })
  @ValidateNested()
  @Type(() => ProfessionalDto)
  lead: ProfessionalDto;

  @ApiProperty()
  @ValidateNested()
  @Type(() => FamilyAgreementDto)
  familyAgreement: FamilyAgreementDto;

  @ApiPropertyOptional({ type: [MemberDto], description: 'Other agencies on the plan from the start' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members?: MemberDto[];
}

/** The example the OpenAPI document shows (invented data). */
export const openPlanExample: RequestExample<OpenPlanDto> = {
  summary: 'A school opens a plan with a family who agreed to it',
  value: {
    levelOfNeed: 3,
    children: [{ givenName: 'Alfie', familyName: 'Brightwater', dateOfBirth: '2016-04-12' }],
    carers: [{ givenName: 'Jo', familyName: 'Brightwater', relationship: 'mother' }],
    lead: {
      personId: 'school-dsl',
      name: 'Priya Lanternby',
      agencyId: 'demo-oakfield-primary',
      role: 'Designated safeguarding lead',
      email: 'priya.lanternby@oakfield-primary.example.org',
    },
    familyAgreement: { agreedAt: '2026-11-19T15:00:00Z', recordedAs: 'signed plan agreement at a school meeting' },
    members: [{ agencyId: 'demo-health-visiting', contactName: 'Nia Marchbank', role: 'health visitor' }],
  },
};
