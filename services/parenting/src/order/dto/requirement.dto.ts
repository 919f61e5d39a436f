import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  IsCalendarDate,
  PROGRAMME_SETTINGS,
  REQUIREMENT_KINDS,
  type ProgrammeSetting,
  type RequirementKind,
} from '@baton/contracts';

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
