import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BREAK_GLASS_REASONS } from '@baton/contracts';
import { PageOf } from '@baton/http-api';
import { AccessView } from '../oversight/oversight.responses.js';

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

export class BreakGlassGrantReportView extends BreakGlassGrantView {
  @ApiProperty({ type: 'integer' })
  declare readsMade: number;

  @ApiProperty({ type: [AccessView], description: 'Every read made under the grant, oldest first' })
  reads: AccessView[];
}

export const BreakGlassGrantPage = PageOf(BreakGlassGrantView);
