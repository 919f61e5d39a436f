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
import type { RequestExample } from '@baton/http-api';

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

/** The example the OpenAPI document shows (invented data). */
export const makeOrderExample: RequestExample<MakeOrderDto> = {
  summary: 'A magistrates court makes a parenting order on the youth offending team\u2019s application',
  value: {
    familyId: '6b1f3c2a-8d4e-4f7a-9b2c-1e5d7a9c3f60',
    legalBasis: 'asba-2003-s26',
    applicant: 'youth-offending-team',
    courtKind: 'magistrates-court',
    courtName: 'Demo Magistrates Court',
    madeOn: '2026-02-02',
    grounds: 'Repeated criminal damage at the Eastfield estate; ASB injunction breached twice.',
    previousParentingOrder: false,
    children: [{ personId: '0d6e4b1a-3c2f-4a8e-b7d9-5f1c2e3a4b51', givenName: 'Alfie', familyName: 'Brightwater' }],
    parents: [{ personId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c62', givenName: 'Jo', familyName: 'Brightwater' }],
    requirements: [
      {
        kind: 'programme',
        description: 'Attend the Strengthening Families programme',
        startsOn: '2026-02-02',
        endsOn: '2026-05-01',
      },
      {
        kind: 'escort-to-school',
        description: 'Escort Alfie to school every school day',
        startsOn: '2026-02-02',
        endsOn: '2026-08-31',
      },
    ],
  },
};
