import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

/** The referrals service's own variables, on top of those every service reads (see README: Configuration). */
export class ReferralsConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_referrals';
  override PORT: number = 3001;

  /** How often the decision-deadline scan runs. */
  @IsInt()
  @Min(100)
  DEADLINE_SCAN_INTERVAL_MS: number = 30_000;
}
