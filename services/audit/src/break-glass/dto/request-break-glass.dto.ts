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
