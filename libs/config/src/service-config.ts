import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/**
 * The variables every Baton service reads (see README: Configuration): its database, the JetStream
 * stream it publishes to, where it listens, who issues its callers' tokens, tenant reference data and
 * logging and metrics. A service's config class extends this with its own variables and sets its own defaults
 * for DATABASE_URL and PORT, which differ per service (`override PORT: number = 3001`); left unset,
 * start-up stops naming the variable.
 */
export abstract class ServiceConfig {
  @IsString()
  DATABASE_URL: string;

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
  PORT: number;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  AUTH_ISSUER: string = 'http://127.0.0.1:3999';

  @IsString()
  AUTH_AUDIENCE: string = 'baton';

  @IsString()
  AUTH_JWKS_URL: string = 'http://127.0.0.1:3999/.well-known/jwks.json';

  /**
   * Days a published event stays in the service's outbox once it is on the stream (0: for ever). The stream keeps
   * every event; raise this before trimming the stream if read models may need rebuilding from the outboxes.
   */
  @IsInt()
  @Min(0)
  @Max(36500)
  OUTBOX_RETENTION_DAYS: number = 30;

  @IsOptional()
  @IsString()
  TENANT_CONFIG_DIR?: string;

  /** pino's levels; Nest's `log` and `verbose` are taken as `info` and `trace`. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose'])
  LOG_LEVEL: string = 'info';

  /** JSON lines, or readable single lines; unset, readable on a terminal and JSON otherwise. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Where Prometheus scrapes `/metrics`, never the API port; unset, PORT + 6000 (0: a free port). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;
}
