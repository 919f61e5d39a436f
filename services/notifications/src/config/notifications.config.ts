import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@baton/config';

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/** The notifications service's own variables, on top of those every service reads (see README: Notifications). */
export class NotificationsConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_notifications';
  override PORT: number = 3004;

  /** A JSON file of routing rules replacing the defaults (src/domain/default-routing-rules.ts). */
  @IsOptional()
  @IsString()
  NOTIFICATION_RULES_FILE?: string;

  /** Where people open Baton: links in e-mails and inbox items point under it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:8080';

  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://…`); empty: no e-mail is sent. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  EMAIL_FROM: string = 'Baton <notifications@baton.invalid>';

  /** Republish each agency's events under `<prefix>.<tenant>.agency.<agency>.>` for agencies that speak NATS. */
  // A string: implicit conversion would read "false" as true.
  @IsIn(['true', 'false'])
  AGENCY_NATS_ENABLED: 'true' | 'false' = 'true';

  /**
   * Whether webhooks may reach private, loopback, link-local or reserved addresses (a receiver on this machine or
   * the service's own network). Off in production; `npm start` turns it on for receivers on the developer's machine.
   */
  // A string: implicit conversion would read "false" as true.
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false' = 'false';

  /**
   * The key webhook signing secrets are sealed under at rest (AES-256-GCM): 32 bytes in base64, from
   * `openssl rand -base64 32`, kept outside the database. Unset: secrets are stored as they are (development).
   */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'WEBHOOK_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)' })
  WEBHOOK_SECRETS_KEY?: string;

  /** The key before the current one, while the secrets it sealed are sealed again (at start-up) under the new one. */
  @IsOptional()
  @Matches(BASE64_32_BYTES, {
    message: 'WEBHOOK_SECRETS_PREVIOUS_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  WEBHOOK_SECRETS_PREVIOUS_KEY?: string;

  /** Attempts per delivery, the first included, before it is dead (listable and replayable). */
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_MAX_ATTEMPTS: number = 15;

  /** First retry delay; doubles each attempt, with jitter, up to DELIVERY_BACKOFF_MAX_MS. */
  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_BASE_MS: number = 1_000;

  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_MAX_MS: number = 3_600_000;

  /** How long one webhook or e-mail attempt may take before it counts as failed. */
  @IsInt()
  @Min(100)
  DELIVERY_TIMEOUT_MS: number = 5_000;

  /** Deliveries claimed at once; they are sent concurrently. */
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_BATCH_SIZE: number = 200;

  /** Claim-and-send loops side by side, so one slow receiver does not hold up the others. */
  @IsInt()
  @Min(1)
  @Max(32)
  DELIVERY_WORKERS: number = 4;

  /** How often due deliveries are looked for when no notification arrives. */
  @IsInt()
  @Min(50)
  DELIVERY_POLL_INTERVAL_MS: number = 1_000;

  /** Hour of the day (Europe/London) daily digests are sent. */
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR: number = 7;
}
