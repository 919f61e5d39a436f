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
  IsCalendarDate,
  ORDER_COURTS,
  ORDER_LEGAL_BASES,
  type OrderCourtKind,
  type OrderLegalBasis,
} from '@baton/contracts';
import { ORDER_APPLICANT_KINDS, type OrderApplicantKind } from '../../domain/legal-basis.table.js';
import { FamilyPersonDto } from './family-person.dto.js';
import { RequirementDto } from './requirement.dto.js';

/** CDA 1998 s.8(7A): the court's two findings for a residential programme. */
export class ResidentialFindingsDto {
  @ApiProperty()
  @IsBoolean()
  moreEffectiveThanNonResidential: boolean;

  @ApiProperty()
  @IsBoolean()
  interferenceWithFamilyLifeProportionate: boolean;
}

export class MakeOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  familyId: string;

  @ApiProperty({ enum: ORDER_LEGAL_BASES })
  @IsIn(ORDER_LEGAL_BASES)
  legalBasis: OrderLegalBasis;

  @ApiProperty({ enum: ORDER_APPLICANT_KINDS, description: 'Who sought the order' })
  @IsIn(ORDER_APPLICANT_KINDS)
  applicant: OrderApplicantKind;

  @ApiProperty({ enum: ORDER_COURTS })
  @IsIn(ORDER_COURTS)
  courtKind: OrderCourtKind;

  @ApiProperty({ example: 'Demo Youth Court' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  courtName: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  madeOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the requirements; defaults to 12 months' })
  @IsOptional()
  @IsCalendarDate()
  requirementsEndOn?: string;

  @ApiPropertyOptional({ description: 'A practitioner of your agency; defaults to you' })
  @IsOptional()
  @IsString()
  responsibleOfficerPersonId?: string;

  @ApiProperty({ description: 'Why the court made the order: offence detail, seen only by the holder' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  grounds: string;

  @ApiProperty({ description: 'The parent has had a parenting order before (CDA 1998 s.8(5))' })
  @IsBoolean()
  previousParentingOrder: boolean;

  @ApiPropertyOptional({ type: ResidentialFindingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResidentialFindingsDto)
  residentialFindings?: ResidentialFindingsDto;

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

  @ApiProperty({ type: [RequirementDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
}
