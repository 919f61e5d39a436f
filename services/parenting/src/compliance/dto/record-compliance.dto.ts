import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { COMPLIANCE_OUTCOMES, IsCalendarDate, type ComplianceOutcome } from '@baton/contracts';

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
