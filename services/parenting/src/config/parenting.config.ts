import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

/** The parenting service's own variables, on top of those every service reads (see README: Configuration). */
export class ParentingConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_parenting';
  override PORT: number = 3003;

  /** How often the contact-deadline and expiry scan runs. */
  @IsInt()
  @Min(100)
  DEADLINE_SCAN_INTERVAL_MS: number = 30_000;
}
