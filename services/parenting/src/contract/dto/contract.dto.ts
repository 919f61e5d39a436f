import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CONTRACT_EARLY_END_REASONS,
  CONTRACT_KINDS,
  IsCalendarDate,
  type ContractEarlyEndReason,
  type ContractKind,
} from '@baton/contracts';
import { CONTRACT_GROUNDS, type ContractGround } from '../../domain/contract-lifecycle.rules.js';
import { FamilyPersonDto } from '../../order/dto/family-person.dto.js';
import type { RequestExample } from '@baton/http-api';

export class DraftContractDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  familyId: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind: ContractKind;

  @ApiProperty({ enum: CONTRACT_GROUNDS, description: 'Offence detail: seen only by the provider' })
  @IsIn(CONTRACT_GROUNDS)
  ground: ContractGround;

  @ApiProperty({ type: [FamilyPersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FamilyPersonDto)
  children: FamilyPersonDto[];

  @ApiProperty({ type: [FamilyPersonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => FamilyPersonDto)
  parents: FamilyPersonDto[];
}

/** The example the OpenAPI document shows (invented data). */
export const draftContractExample: RequestExample<DraftContractDto> = {
  summary: 'A school drafts a parenting contract for irregular attendance',
  value: {
    familyId: '6b1f3c2a-8d4e-4f7a-9b2c-1e5d7a9c3f60',
    kind: 'asba-2003-s19',
    ground: 'irregular-attendance',
    children: [{ personId: '0d6e4b1a-3c2f-4a8e-b7d9-5f1c2e3a4b51', givenName: 'Alfie', familyName: 'Brightwater' }],
    parents: [{ personId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c62', givenName: 'Jo', familyName: 'Brightwater' }],
  },
};

/** A statement of the contract: one line per item, none empty (ASBA 2003 s.19(4)–(5)). */
function IsStatement(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(30),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(1000, { each: true }),
  );
}

export class OfferContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  offeredOn: string;

  @ApiProperty({ type: [String], description: "The parent's statement: what they agree to do" })
  @IsStatement()
  parentRequirements: string[];

  @ApiProperty({ type: [String], description: "The provider's statement of support" })
  @IsStatement()
  support: string[];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  periodStartsOn: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  periodEndsOn: string;
}

/** The example the OpenAPI document shows (invented data). */
export const offerContractExample: RequestExample<OfferContractDto> = {
  summary: 'The contract offered to the parent',
  value: {
    offeredOn: '2026-02-09',
    parentRequirements: ['Make sure Alfie arrives at school by 8:45 every day'],
    support: ['Breakfast club place', 'Weekly check-in with the attendance officer'],
    periodStartsOn: '2026-02-16',
    periodEndsOn: '2026-07-17',
  },
};

export class SignContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  parentSignedOn: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  providerSignedOn: string;
}

/** The example the OpenAPI document shows (invented data). */
export const signContractExample: RequestExample<SignContractDto> = {
  summary: 'Both sides sign',
  value: { parentSignedOn: '2026-02-12', providerSignedOn: '2026-02-12' },
};

export class RefuseContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  refusedOn: string;

  @ApiProperty({ description: "The parent's reason, in their words where given" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const refuseContractExample: RequestExample<RefuseContractDto> = {
  summary: 'The parent refuses the contract',
  value: {
    refusedOn: '2026-02-12',
    reason: 'Jo does not accept that attendance is a problem',
  },
};

export class RecordContractBreachDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiProperty({ description: 'What the parent did not do' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  what: string;

  @ApiPropertyOptional({ description: "The parent's explanation" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  parentExplanation?: string;

  @ApiProperty({ description: 'The provider treats the contract as ended by this breach' })
  @IsBoolean()
  endsContract: boolean;
}

/** The example the OpenAPI document shows (invented data). */
export const recordContractBreachExample: RequestExample<RecordContractBreachDto> = {
  summary: 'A breach of the contract',
  value: {
    occurredOn: '2026-03-04',
    what: 'Alfie arrived after 10am three days running',
    parentExplanation: 'Car broke down',
    endsContract: false,
  },
};

export class ReviewContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  reviewedOn: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  notes: string;

  @ApiProperty({ type: [String], description: 'Support offered that the parent took up' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  supportTakenUp: string[];

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  nextReviewOn?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const reviewContractExample: RequestExample<ReviewContractDto> = {
  summary: 'A review of the contract',
  value: {
    reviewedOn: '2026-04-15',
    notes: 'Attendance up to 91%; breakfast club working well',
    supportTakenUp: ['Breakfast club place'],
    nextReviewOn: '2026-06-10',
  },
};

export class CompleteContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  completedOn: string;
}

/** The example the OpenAPI document shows (invented data). */
export const completeContractExample: RequestExample<CompleteContractDto> = {
  summary: 'The contract completes',
  value: { completedOn: '2026-07-17' },
};

export class EndContractEarlyDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  endedOn: string;

  @ApiProperty({ enum: CONTRACT_EARLY_END_REASONS })
  @IsIn(CONTRACT_EARLY_END_REASONS)
  reason: ContractEarlyEndReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  details?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const endContractEarlyExample: RequestExample<EndContractEarlyDto> = {
  summary: 'The contract ends early',
  value: {
    endedOn: '2026-05-01',
    reason: 'family-moved-away',
    details: 'The family moved to another authority; the new school has been told',
  },
};
