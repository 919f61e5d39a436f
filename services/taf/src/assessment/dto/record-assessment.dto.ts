import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsTimestamp } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class AssessmentDomainDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  strengths: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  needs: string;

  @ApiProperty({ description: "Needs in this domain as the tenant's headline outcome codes", example: ['education'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  headlineOutcomes: string[];
}

/** The early help assessment (Common Assessment Framework): three domains, the family's view, the child's voice. */
export class RecordAssessmentDto {
  @ApiProperty({ example: '2026-11-27T15:00:00Z' })
  @IsTimestamp()
  completedAt: string;

  @ApiProperty({ description: "The child's development: health, education, emotional and behavioural development" })
  @ValidateNested()
  @Type(() => AssessmentDomainDto)
  childDevelopment: AssessmentDomainDto;

  @ApiProperty({
    description: 'Parents and carers: basic care, safety, emotional warmth, guidance and boundaries, stability',
  })
  @ValidateNested()
  @Type(() => AssessmentDomainDto)
  parentsAndCarers: AssessmentDomainDto;

  @ApiProperty({
    description:
      'Family and environment: history and functioning, wider family, housing, employment and income, community',
  })
  @ValidateNested()
  @Type(() => AssessmentDomainDto)
  familyAndEnvironment: AssessmentDomainDto;

  @ApiProperty({ description: "The family's own view" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  familyView: string;

  @ApiProperty({ description: "The child's voice, in their words where possible" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  childVoice: string;

  @ApiProperty({ description: "Member agencies that may read it (the lead's agency always may)" })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  sharedWithAgencyIds: string[];
}

/** The example the OpenAPI document shows (invented data). */
export const recordAssessmentExample: RequestExample<RecordAssessmentDto> = {
  summary: 'The early help assessment, shared with the health visitor',
  value: {
    completedAt: '2026-11-27T15:00:00Z',
    childDevelopment: {
      strengths: 'Alfie reads well and enjoys football club',
      needs: 'Often late and tired; misses breakfast',
      headlineOutcomes: ['education'],
    },
    parentsAndCarers: {
      strengths: 'Jo is committed to getting Alfie to school',
      needs: 'Working night shifts makes mornings hard',
      headlineOutcomes: ['education'],
    },
    familyAndEnvironment: {
      strengths: 'Grandparents nearby help at weekends',
      needs: 'Rent arrears since a change in benefits',
      headlineOutcomes: ['financial-stability'],
    },
    familyView: 'We want mornings to be calmer and to get on top of the rent',
    childVoice: 'I like school when I am not hungry',
    sharedWithAgencyIds: ['demo-health-visiting'],
  },
};
