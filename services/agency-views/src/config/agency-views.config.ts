import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';

/** The agency-views service's configuration, read once from the environment (see README: Configuration). */
export class AgencyViewsConfig {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_agency_views';

  @IsString()
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsString()
  NATS_STREAM: string = 'BATON';

  @IsString()
  NATS_SUBJECT_PREFIX: string = 'baton';

  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3005;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  AUTH_ISSUER: string = 'http://127.0.0.1:3999';

  @IsString()
  AUTH_AUDIENCE: string = 'baton';

  @IsString()
  AUTH_JWKS_URL: string = 'http://127.0.0.1:3999/.well-known/jwks.json';

  /**
   * How long the outbox relay lets access records gather before publishing them: every read writes one, so a
   * few milliseconds save most of the relay's round trips for a little delay on the audit trail.
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  RELAY_GATHER_MS: number = 10;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: string = 'log';
}
