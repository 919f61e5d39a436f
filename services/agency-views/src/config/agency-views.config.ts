import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

/** The agency-views service's own variables, on top of those every service reads (see README: Configuration). */
export class AgencyViewsConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_agency_views';
  override PORT: number = 3005;

  /**
   * How long the outbox relay lets access records gather before publishing them: every read writes one, so a
   * few milliseconds save most of the relay's round trips for a little delay on the audit trail.
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  RELAY_GATHER_MS: number = 10;
}
