import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The parenting service's configuration, read once from the environment (see README: Configuration). */
export class ParentingConfig {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_parenting';

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
  PORT: number = 3003;

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

  /** How often the contact-deadline and expiry scan runs. */
  @IsInt()
  @Min(100)
  DEADLINE_SCAN_INTERVAL_MS: number = 30_000;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: string = 'log';
}
