import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BREAK_GLASS_REASONS } from '@baton/contracts';
import { PageOf } from '@baton/http-api';

export class BreakGlassGranteeView {
  @ApiProperty({ example: 'police-inspector' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'demo-police' })
  agencyId: string;

  @ApiProperty({ type: [String] })
  roles: string[];
}

export class BreakGlassEndedByView {
  @ApiProperty()
  personId: string;

  @ApiProperty()
  agencyId: string;
}

export class BreakGlassGrantView {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ type: BreakGlassGranteeView })
  grantee: BreakGlassGranteeView;

  @ApiProperty({ enum: BREAK_GLASS_REASONS })
  reason: string;

  @ApiProperty()
  details: string;

  @ApiProperty({ format: 'date-time' })
  grantedAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ enum: ['active', 'expired', 'ended'] })
  status: string;

  @ApiPropertyOptional({ format: 'date-time' })
  endedAt?: string;

  @ApiPropertyOptional({ type: BreakGlassEndedByView })
  endedBy?: BreakGlassEndedByView;

  @ApiPropertyOptional({ type: 'integer', description: 'Reads made under the grant (lists and reports only)' })
  readsMade?: number;
}

export class BreakGlassReadView {
  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'date-time' })
  accessedAt: string;

  @ApiProperty({ type: BreakGlassGranteeView })
  who: BreakGlassGranteeView;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'action, service, recordType, recordIds' })
  what: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'purpose, lawfulBasis, breakGlassGrantId' })
  why: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'ip, userAgent' })
  from: object;

  @ApiProperty({ type: [String] })
  familyIds: string[];
}

export class BreakGlassGrantReportView extends BreakGlassGrantView {
  @ApiProperty({ type: 'integer' })
  declare readsMade: number;

  @ApiProperty({ type: [BreakGlassReadView], description: 'Every read made under the grant, oldest first' })
  reads: BreakGlassReadView[];
}

export const BreakGlassGrantPage = PageOf(BreakGlassGrantView);
