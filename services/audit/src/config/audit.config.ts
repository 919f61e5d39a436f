import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The audit service's configuration, read once from the environment (see README: Audit service). */
export class AuditConfig {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_audit';

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
  PORT: number = 3006;

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

  /** Where signed checkpoints are written: a directory outside the database (mount separate storage here). */
  @IsString()
  CHECKPOINT_DIR: string = '.baton/audit/checkpoints';

  /** Ed25519 private key (PKCS#8 PEM) that signs checkpoints; created on first start when missing. */
  @IsString()
  CHECKPOINT_KEY_FILE: string = '.baton/audit/checkpoint-key.pem';

  /** How often a checkpoint is written for each tenant whose chain has grown. */
  @IsInt()
  @Min(1_000)
  CHECKPOINT_INTERVAL_MS: number = 60_000;

  /** Base URL of the parenting service, for links to its consistency and exceptions reports. */
  @IsString()
  PARENTING_BASE_URL: string = 'http://127.0.0.1:3003';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: string = 'log';
}
