import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FAMILY_LEAD_PREFERENCES, type FamilyLeadPreference } from '@baton/contracts';
import { ProfessionalDto } from '../../plan/dto/people.dto.js';

export class FamilyPreferenceDto {
  @ApiProperty({ enum: FAMILY_LEAD_PREFERENCES, description: 'What the family said about the proposed lead' })
  @IsIn(FAMILY_LEAD_PREFERENCES)
  preference: FamilyLeadPreference;

  @ApiPropertyOptional({ description: 'In the family’s words, where they gave any' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ProposeHandoverDto {
  @ApiProperty()
  @ValidateNested()
  @Type(() => ProfessionalDto)
  proposedLead: ProfessionalDto;

  @ApiProperty()
  @ValidateNested()
  @Type(() => FamilyPreferenceDto)
  familyPreference: FamilyPreferenceDto;

  @ApiPropertyOptional({ example: 'Needs are now mainly about school attendance' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class DeclineHandoverDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
