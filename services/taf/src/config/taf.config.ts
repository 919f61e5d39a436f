import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

/** The taf service's own variables, on top of those every service reads (see README: Configuration). */
export class TafConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_taf';
  override PORT: number = 3002;

  /** How often the scan for overdue actions and reviews runs. */
  @IsInt()
  @Min(100)
  OVERDUE_SCAN_INTERVAL_MS: number = 60_000;
}
