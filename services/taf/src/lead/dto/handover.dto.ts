import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FAMILY_LEAD_PREFERENCES, type FamilyLeadPreference } from '@baton/contracts';
import { ProfessionalDto } from '../../plan/dto/people.dto.js';
import type { RequestExample } from '@baton/http-api';

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

/** The example the OpenAPI document shows (invented data). */
export const proposeHandoverExample: RequestExample<ProposeHandoverDto> = {
  summary: 'The lead proposes the health visitor as the new lead',
  value: {
    proposedLead: {
      personId: 'health-visitor',
      name: 'Nia Marchbank',
      agencyId: 'demo-health-visiting',
      role: 'Health visitor',
      email: 'nia.marchbank@demo-health.example.org',
      phone: '01632 960215',
    },
    familyPreference: { preference: 'agrees', note: 'Jo asked for someone who can visit at home' },
    reason: 'Needs are now mainly about family finances and routines at home',
  },
};

export class DeclineHandoverDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const declineHandoverExample: RequestExample<DeclineHandoverDto> = {
  summary: 'The proposed lead declines',
  value: {
    reason: 'My caseload is full until January; please ask the hub to allocate someone else',
  },
};
