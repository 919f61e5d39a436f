import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { RequestExample } from '@baton/http-api';

export const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** A named practitioner: who they are, for which agency, their job and how to reach them. */
export class ProfessionalDto {
  @ApiProperty({ description: 'Their person id (the `sub` of their token)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  personId: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: "One of the tenant's agencies" })
  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @ApiProperty({ example: 'Family support worker' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role: string;

  @ApiProperty()
  @IsEmail()
  email: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string;
}

/** An agency joining the plan and its contact for this family. */
export class MemberDto {
  @ApiProperty({ description: "One of the tenant's agencies" })
  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @ApiPropertyOptional({ description: 'The contact practitioner, when they have an account' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  personId?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactName: string;

  @ApiProperty({
    example: 'class teacher',
    description: 'The agency’s role in the plan; a change of lead professional never changes it',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const memberExample: RequestExample<MemberDto> = {
  summary: 'A health visitor joins the plan',
  value: {
    agencyId: 'demo-health-visiting',
    personId: 'health-visitor',
    contactName: 'Nia Marchbank',
    role: 'health visitor',
    email: 'nia.marchbank@demo-health.example.org',
  },
};
