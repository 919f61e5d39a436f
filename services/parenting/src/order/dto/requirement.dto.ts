import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  IsCalendarDate,
  PROGRAMME_SETTINGS,
  REQUIREMENT_KINDS,
  type ProgrammeSetting,
  type RequirementKind,
} from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class RequirementDto {
  @ApiProperty({ enum: REQUIREMENT_KINDS })
  @IsIn(REQUIREMENT_KINDS)
  kind: RequirementKind;

  @ApiProperty({ example: 'Escort Alfie to school every school day' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({ enum: PROGRAMME_SETTINGS, description: 'Programme only' })
  @IsOptional()
  @IsIn(PROGRAMME_SETTINGS)
  setting?: ProgrammeSetting;
}

/** The example the OpenAPI document shows (invented data). */
export const requirementExample: RequestExample<RequirementDto> = {
  summary: 'A requirement added to the order',
  value: {
    kind: 'attend-meetings',
    description: 'Attend a monthly review meeting with the responsible officer',
    startsOn: '2026-03-02',
    endsOn: '2026-08-31',
  },
};
