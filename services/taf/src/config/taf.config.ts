import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The taf service's configuration, read once from the environment (see README: Configuration). */
export class TafConfig {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_taf';

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
  PORT: number = 3002;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  AUTH_ISSUER: string = 'http://127.0.0.1:3999';

  @IsString()
  AUTH_AUDIENCE: string = 'baton';

  @IsString()
  AUTH_JWKS_URL: string = 'http://127.0.0.1:3999/.well-known/jwks.json';

  @IsOptional()
  @IsString()
  TENANT_CONFIG_DIR?: string;

  /** How often the scan for overdue actions and reviews runs. */
  @IsInt()
  @Min(100)
  OVERDUE_SCAN_INTERVAL_MS: number = 60_000;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: string = 'log';
}
