import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsString, IsUUID, ValidateNested } from 'class-validator';
import { RecordAccessor } from '../access/record-accessed.v1.js';
import { IsTimestamp } from '../validators/time-formats.js';
import { BREAK_GLASS_REASONS, type BreakGlassReason } from './break-glass-values.js';

/**
 * `baton.break-glass.granted.v1`: a person, at their agency, declared an emergency need to read one family's
 * records that their agency is not involved with, and was granted reading access until `expiresAt`. The services
 * holding the family's records keep a copy and honour it for that person at that agency only; auditors see it.
 * The event subject is the grant id.
 */
export class BreakGlassGrantedV1 {
  @IsUUID('all')
  grantId: string;

  @IsUUID('all')
  familyId: string;

  @ValidateNested()
  @Type(() => RecordAccessor)
  grantee: RecordAccessor;

  @IsIn(BREAK_GLASS_REASONS)
  reason: BreakGlassReason;

  /** The grantee's own words on why; what the emergency is, not the family's case. */
  @IsString()
  details: string;

  @IsTimestamp()
  grantedAt: string;

  @IsTimestamp()
  expiresAt: string;
}
