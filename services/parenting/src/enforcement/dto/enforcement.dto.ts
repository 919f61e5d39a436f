import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ENFORCEMENT_DECISIONS,
  PARENT_CONTACT_METHODS,
  type EnforcementDecision,
  type ParentContactMethod,
} from '@baton/contracts';

export class RecordContactDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  contactedAt: string;

  @ApiProperty({ enum: PARENT_CONTACT_METHODS })
  @IsIn(PARENT_CONTACT_METHODS)
  method: ParentContactMethod;

  @ApiPropertyOptional({ description: "What was said, the parent's explanation" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class DecideBreachDto {
  @ApiProperty({ enum: ENFORCEMENT_DECISIONS })
  @IsIn(ENFORCEMENT_DECISIONS)
  decision: EnforcementDecision;

  @ApiProperty({ description: 'Why: required for every decision, so managers can compare them' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

export class ApproveProsecutionDto {
  @ApiProperty({ description: 'true approves the prosecution referral; false rejects it' })
  @IsBoolean()
  approve: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
