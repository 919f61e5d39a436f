import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IsTimestamp } from '../validators/time-formats.js';

/** Local authority codes become NATS subject tokens, so no dots, wildcards or capitals. */
export const TENANT_PATTERN = /^[a-z0-9-]+$/;

/** `baton.<aggregate>.<what-happened>.v<N>`, kebab-case, e.g. `baton.referral.decision-overdue.v1`. */
export const EVENT_TYPE_PATTERN = /^baton\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/**
 * A CloudEvents 1.0 event in JSON structured mode. Extension attributes are lower-case strings,
 * as CloudEvents requires, so no objects ride in the envelope: everything else is in `data`.
 */
export class CloudEvent<T extends object = object> {
  @IsIn(['1.0'])
  specversion: '1.0';

  @IsUUID('all')
  id: string;

  /** The producing service, e.g. `baton/referrals`. */
  @IsString()
  @IsNotEmpty()
  source: string;

  @IsString()
  @Matches(EVENT_TYPE_PATTERN, { message: '$property must look like baton.<aggregate>.<what-happened>.v<N>' })
  type: string;

  /** The aggregate's id (for access records, the accessor's person id). */
  @IsString()
  @IsNotEmpty()
  subject: string;

  @IsTimestamp()
  time: string;

  @IsIn(['application/json'])
  datacontenttype: 'application/json';

  @IsObject()
  data: T;

  /** Local authority code: each authority's data stays apart. */
  @IsString()
  @Matches(TENANT_PATTERN, { message: '$property must be lower-case letters, digits and hyphens' })
  tenant: string;

  @IsOptional()
  @IsUUID('all')
  familyid?: string;

  /** The first event of the chain this one belongs to; an event that starts a chain uses its own id. */
  @IsUUID('all')
  correlationid: string;

  /** The event that caused this one, when there is one. */
  @IsOptional()
  @IsUUID('all')
  causationid?: string;

  /** Person id of who did it, as recorded by the service (not their token); `system` for scheduled work. */
  @IsString()
  @IsNotEmpty()
  actor: string;

  @IsOptional()
  @IsString()
  actoragency?: string;

  @IsOptional()
  @IsString()
  actorrole?: string;
}
