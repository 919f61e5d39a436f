import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CIN_REFERRAL_SOURCE_CODES,
  CONSENT_STATUSES,
  IsCalendarDate,
  IsNhsNumber,
  IsPersonName,
  INDIVIDUAL_REFERRER_RELATIONSHIPS,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_RULE,
  REFERRAL_SOURCE_KINDS,
  REFERRAL_URGENCIES,
  type CinReferralSourceCode,
  type ConsentStatus,
  type IndividualReferrerRelationship,
  type LevelOfNeed,
  type ReferralSourceKind,
  type ReferralUrgency,
} from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

/** Lawful bases for referring without consent (UK GDPR Art. 6/9 with the Children Act duties behind them). */
export const LAWFUL_BASES = [
  'safeguarding-significant-harm',
  'public-task-children-act-2004-s10',
  'legal-obligation',
  'vital-interests',
] as const;

/** Supporting Families headline outcomes, used to categorise concerns. */
export const CONCERN_CATEGORIES = [
  'education',
  'early-years',
  'health',
  'substance-use',
  'family-relationships',
  'abuse-exploitation',
  'crime',
  'domestic-abuse',
  'housing',
  'financial-stability',
] as const;

export class ReferralSourceDto {
  @ApiProperty({ enum: REFERRAL_SOURCE_KINDS })
  @IsIn(REFERRAL_SOURCE_KINDS)
  kind: ReferralSourceKind;

  @ApiPropertyOptional({ description: "Referring practitioner's agency (required for practitioners)" })
  @ValidateIf((s: ReferralSourceDto) => s.kind === 'practitioner')
  @IsString()
  @IsNotEmpty()
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Referrer name (practitioner, or individual unless anonymous)' })
  @ValidateIf((s: ReferralSourceDto) => s.kind === 'practitioner')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional({ enum: INDIVIDUAL_REFERRER_RELATIONSHIPS })
  @ValidateIf((s: ReferralSourceDto) => s.kind === 'individual')
  @IsIn(INDIVIDUAL_REFERRER_RELATIONSHIPS)
  relationship?: IndividualReferrerRelationship;

  @ApiPropertyOptional({ description: "Withhold the referrer's identity from the family (always true when anonymous)" })
  @IsOptional()
  @IsBoolean()
  identityWithheld?: boolean;
}

export class ChildDto {
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

  @ApiPropertyOptional({ description: '10-digit NHS number with a valid check digit' })
  @IsOptional()
  @IsNhsNumber()
  nhsNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  gender?: string;
}

export class CarerDto {
  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  givenName: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  familyName: string;

  @ApiProperty({ example: 'mother' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  relationship: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class FamilyDto {
  @ApiProperty({ type: [ChildDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children: ChildDto[];

  @ApiProperty({ type: [CarerDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CarerDto)
  carers: CarerDto[];
}

export class ConcernsDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  summary: string;

  @ApiProperty({ enum: CONCERN_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CONCERN_CATEGORIES, { each: true })
  categories: string[];
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_STATUSES, description: 'Did the family consent to the referral?' })
  @IsIn(CONSENT_STATUSES)
  status: ConsentStatus;

  @ApiProperty({ description: 'Did the family agree to information being shared with partner agencies?' })
  @IsBoolean()
  sharingAgreed: boolean;

  @ApiPropertyOptional({ enum: LAWFUL_BASES, description: 'Required when consent was not given' })
  @ValidateIf((c: ConsentDto) => c.status !== 'given' || c.lawfulBasis !== undefined)
  @IsIn(LAWFUL_BASES, { message: 'lawfulBasis is required when consent is not given, and must be one of $constraint1' })
  lawfulBasis?: string;

  @ApiPropertyOptional({
    description: 'Why the referral proceeds without consent; required when consent was not given',
  })
  @ValidateIf((c: ConsentDto) => c.status !== 'given' || c.reason !== undefined)
  @IsString({ message: 'reason is required when consent is not given' })
  @IsNotEmpty({ message: 'reason is required when consent is not given' })
  @MaxLength(2000)
  reason?: string;
}

export class CreateReferralDto {
  @ApiProperty({ type: ReferralSourceDto })
  @ValidateNested()
  @Type(() => ReferralSourceDto)
  source: ReferralSourceDto;

  @ApiProperty({ enum: CIN_REFERRAL_SOURCE_CODES, description: 'CIN census referral source code' })
  @IsIn(CIN_REFERRAL_SOURCE_CODES, { message: 'sourceCode must be a CIN census referral source code ($constraint1)' })
  sourceCode: CinReferralSourceCode;

  @ApiPropertyOptional({ description: "Agency to receive the referral; defaults to the authority's front door" })
  @IsOptional()
  @IsString()
  receivingAgencyId?: string;

  @ApiProperty({ type: FamilyDto })
  @ValidateNested()
  @Type(() => FamilyDto)
  family: FamilyDto;

  @ApiProperty({ type: ConcernsDto })
  @ValidateNested()
  @Type(() => ConcernsDto)
  concerns: ConcernsDto;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4, description: "The referrer's view of the level of need" })
  @IsInt()
  @Min(1)
  @Max(4)
  proposedLevelOfNeed: LevelOfNeed;

  @ApiProperty({ type: ConsentDto })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  @ApiPropertyOptional({ enum: REFERRAL_URGENCIES, default: 'routine' })
  @IsOptional()
  @IsIn(REFERRAL_URGENCIES)
  urgency?: ReferralUrgency;
}

/** The example the OpenAPI document shows (invented data). */
export const createReferralExample: RequestExample<CreateReferralDto> = {
  summary: 'A school refers a family to the early help hub',
  value: {
    source: {
      kind: 'practitioner',
      agencyId: 'demo-oakfield-primary',
      name: 'Priya Lanternby',
      role: 'Designated safeguarding lead',
      email: 'priya.lanternby@oakfield-primary.example.org',
    },
    sourceCode: '2A',
    family: {
      children: [{ givenName: 'Alfie', familyName: 'Brightwater', dateOfBirth: '2016-04-12' }],
      carers: [{ givenName: 'Jo', familyName: 'Brightwater', relationship: 'mother', phone: '01632 960000' }],
    },
    concerns: {
      summary: 'Attendance has fallen to 78% this term; Alfie often arrives hungry.',
      categories: ['education', 'financial-stability'],
    },
    proposedLevelOfNeed: 3,
    consent: { status: 'given', sharingAgreed: true },
    urgency: 'routine',
  },
};
