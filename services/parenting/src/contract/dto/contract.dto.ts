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

export class SignContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  parentSignedOn: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  providerSignedOn: string;
}

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

export class CompleteContractDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  completedOn: string;
}

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
