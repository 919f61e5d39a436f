import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { COMPLIANCE_OUTCOMES, IsCalendarDate, type ComplianceOutcome } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class RecordComplianceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  requirementId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a programme session' })
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiProperty({ enum: COMPLIANCE_OUTCOMES })
  @IsIn(COMPLIANCE_OUTCOMES)
  outcome: ComplianceOutcome;

  @ApiPropertyOptional({ description: 'Required when the failure had a reasonable excuse: what it was' })
  @ValidateIf((d: RecordComplianceDto) => d.outcome === 'failed-reasonable-excuse' || d.excuse !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  excuse?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const recordComplianceExample: RequestExample<RecordComplianceDto> = {
  summary: 'A missed session with no reasonable excuse',
  value: {
    requirementId: '2c4e6a8b-1d3f-4b5a-9c7e-8f0a2b4c6d73',
    sessionId: '7e9a1c3b-5d7f-4a2c-8e6b-0a1c3e5f7b84',
    occurredOn: '2026-02-10',
    outcome: 'failed-without-excuse',
    notes: 'Did not attend and did not answer the phone',
  },
};
