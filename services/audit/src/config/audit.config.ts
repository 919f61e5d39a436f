import { IsInt, IsString, Max, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

/** The audit service's own variables, on top of those every service reads (see README: Audit service). */
export class AuditConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_audit';
  override PORT: number = 3006;

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

  /** How long a break-glass grant lasts when the person does not say (minutes; never past the maximum). */
  @IsInt()
  @Min(1)
  @Max(1440)
  BREAK_GLASS_DEFAULT_MINUTES: number = 60;

  /** The longest break-glass grant anyone may ask for (minutes): local practice, e.g. 4 hours. */
  @IsInt()
  @Min(1)
  @Max(1440)
  BREAK_GLASS_MAX_MINUTES: number = 240;
}
