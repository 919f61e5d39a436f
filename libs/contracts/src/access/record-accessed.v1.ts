import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';

/**
 * What was done with the record: seen, listed, shared with another agency, or deliberately not shared; or an
 * attempt to read it that was refused (403) or answered as not found (404), which an auditor looks for when
 * someone probes records they have no relationship with.
 */
export const RECORD_ACCESS_ACTIONS = ['read', 'list', 'share', 'withhold', 'refused', 'not-found'] as const;
export type RecordAccessAction = (typeof RECORD_ACCESS_ACTIONS)[number];

/** The person who accessed the record, as their token identified them. */
export class RecordAccessor {
  @IsString()
  @IsNotEmpty()
  personId: string;

  @IsString()
  name: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsArray()
  @IsString({ each: true })
  roles: string[];
}

/** Where the request came from, when known. */
export class RecordAccessOrigin {
  @IsOptional()
  @IsString()
  ip?: string;

  @IsOptional()
  @IsString()
  userAgent?: string;
}

/**
 * `baton.access.recorded.v1`: someone read, listed, shared or withheld a family's record. Each is recorded
 * with who, when, why and from where: UK GDPR art. 5(2) (accountability) and the DfE's information sharing
 * advice for safeguarding practitioners (record every decision to share or not, with the reason).
 * The event subject is the accessor's person id.
 */
export class RecordAccessedV1 {
  /** The service holding the record, e.g. `referrals`. */
  @IsString()
  @IsNotEmpty()
  service: string;

  /** The kind of record: `referral`, and later `plan`, `order`... */
  @IsString()
  @IsNotEmpty()
  recordType: string;

  @IsArray()
  @IsString({ each: true })
  recordIds: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  familyIds: string[];

  @IsIn(RECORD_ACCESS_ACTIONS)
  action: RecordAccessAction;

  @IsOptional()
  @IsString()
  purpose?: string;

  @IsOptional()
  @IsString()
  lawfulBasis?: string;

  /** The break-glass grant the access relied on (`lawfulBasis` is then `break-glass`). */
  @IsOptional()
  @IsUUID('all')
  breakGlassGrantId?: string;

  @IsTimestamp()
  accessedAt: string;

  @ValidateNested()
  @Type(() => RecordAccessor)
  accessor: RecordAccessor;

  @ValidateNested()
  @Type(() => RecordAccessOrigin)
  origin: RecordAccessOrigin;
}
