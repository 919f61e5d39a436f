import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ENFORCEMENT_DECISIONS,
  PARENT_CONTACT_METHODS,
  type EnforcementDecision,
  type ParentContactMethod,
} from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

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

/** The example the OpenAPI document shows (invented data). */
export const recordContactExample: RequestExample<RecordContactDto> = {
  summary: 'The responsible officer contacts the parent after a breach',
  value: {
    contactedAt: '2026-02-11T10:30:00Z',
    method: 'home-visit',
    notes: 'Jo says she was working a late shift; agreed to attend the next session',
  },
};

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

/** The example the OpenAPI document shows (invented data). */
export const decideBreachExample: RequestExample<DecideBreachDto> = {
  summary: 'A written warning for a first breach',
  value: {
    decision: 'written-warning',
    reason: 'First missed session; the parent engaged at once when contacted',
  },
};

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

/** The example the OpenAPI document shows (invented data). */
export const approveProsecutionExample: RequestExample<ApproveProsecutionDto> = {
  summary: 'A second officer approves a prosecution referral',
  value: {
    approve: true,
    reason: 'Third breach after two written warnings; the evidence of each is recorded',
  },
};
