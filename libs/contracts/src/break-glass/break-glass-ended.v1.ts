import 'reflect-metadata';
import { IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';

/**
 * `baton.break-glass.ended.v1`: a break-glass grant was ended before it expired, by its grantee or an auditor.
 * From `endedAt` the services refuse reads under it. The event subject is the grant id.
 */
export class BreakGlassEndedV1 {
  @IsUUID('all')
  grantId: string;

  @IsUUID('all')
  familyId: string;

  @IsTimestamp()
  endedAt: string;

  /** Who ended it: the grantee, or an auditor. */
  @IsString()
  @IsNotEmpty()
  endedByPersonId: string;

  @IsString()
  @IsNotEmpty()
  endedByAgencyId: string;
}
