import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import { BREAK_GLASS_REASONS, IsNotGivenWith, type BreakGlassReason } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

/** A request to read one family's records in an emergency: the family (or one of its records) and why. */
export class RequestBreakGlassDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The family; or give recordId instead' })
  @ValidateIf((o: RequestBreakGlassDto) => o.recordId === undefined)
  @IsDefined({ message: 'familyId or recordId must be given' })
  @IsUUID('all')
  familyId?: string;

  @ApiPropertyOptional({ description: 'A referral, plan, order or contract id naming the family instead' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotGivenWith('familyId')
  recordId?: string;

  @ApiProperty({ enum: BREAK_GLASS_REASONS })
  @IsIn(BREAK_GLASS_REASONS)
  reason: BreakGlassReason;

  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    description: 'Why, in your own words: the emergency, not the family’s case (auditors read this)',
  })
  @IsString()
  @Length(10, 1000)
  @Matches(/\S/, { message: 'details must not be blank' })
  details: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'How long you need, in minutes (default and maximum: BREAK_GLASS_DEFAULT_MINUTES, _MAX_MINUTES)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  durationMinutes?: number;
}

/** The example the OpenAPI document shows (invented data). */
export const requestBreakGlassExample: RequestExample<RequestBreakGlassDto> = {
  summary: 'A police inspector, out of hours, about a child reported missing',
  value: {
    familyId: '5d0c4f7e-2a61-4c1b-9e1f-3b8a2d6c7e10',
    reason: 'missing-child',
    details: 'Child reported missing from home at 22:10; need to know who works with the family and how to reach them.',
    durationMinutes: 120,
  },
};
