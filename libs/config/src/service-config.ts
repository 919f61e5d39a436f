import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/**
 * The variables every Baton service reads (see README: Configuration): its database, the JetStream
 * stream it publishes to, where it listens, who issues its callers' tokens, tenant reference data and
 * log level. A service's config class extends this with its own variables and sets its own defaults
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

  /**
   * Which proxies' `X-Forwarded-For`/`-Proto` to believe (Fastify `trustProxy`: addresses, CIDRs or the names
   * `loopback`, `linklocal`, `uniquelocal`). The default believes hops from inside the cluster only, so a caller
   * cannot choose the address its rate limit and access records are kept under.
   */
  @IsString()
  TRUST_PROXY: string = 'loopback,linklocal,uniquelocal';

  /** Requests one caller (tenant, agency, person of a verified token) may make per window; 0 turns it off. */
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_CALLER: number = 1200;

  /** Requests one client address may make per window, tokens or not; 0 turns it off. */
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_ADDRESS: number = 3000;

  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** `true` serves Swagger UI at /docs and the OpenAPI document at /docs/json; otherwise neither is served. */
  @IsIn(['true', 'false'])
  API_DOCS: 'true' | 'false' = 'false';

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

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: string = 'log';
}
