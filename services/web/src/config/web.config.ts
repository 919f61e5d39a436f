import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@baton/config';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * The web service's own variables, on top of those every service reads (README: Configuration).
 * AUTH_ISSUER is the OpenID Provider people sign in with; DATABASE_URL holds only sessions. The
 * NATS variables are read but unused: the web publishes and consumes no events.
 */
export class WebConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_web';
  override PORT: number = 8080;

  /** Where people reach this service; the sign-in callback and the cookie's Secure flag follow it. */
  @IsUrl(HTTP_URL)
  WEB_BASE_URL: string = 'http://127.0.0.1:8080';

  @IsString()
  WEB_OIDC_CLIENT_ID: string = 'baton-web';

  @IsString()
  @MinLength(16)
  WEB_OIDC_CLIENT_SECRET: string = 'baton-web-development-secret';

  /** Signs the session cookie; at least 32 characters. The development default must be replaced in production. */
  @IsString()
  @MinLength(32)
  WEB_SESSION_SECRET: string = 'baton-web-development-session-secret-change-me';

  /** Minutes of inactivity after which a session ends (the page warns two minutes before). */
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  WEB_SESSION_IDLE_MINUTES: number = 30;

  /** Send the session cookie only over HTTPS: `auto` (the default) when WEB_BASE_URL is https. */
  // A string: implicit conversion would read "false" as true.
  @IsIn(['auto', 'true', 'false'])
  WEB_COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  @IsUrl(HTTP_URL)
  REFERRALS_URL: string = 'http://127.0.0.1:3001';

  @IsUrl(HTTP_URL)
  TAF_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(HTTP_URL)
  PARENTING_URL: string = 'http://127.0.0.1:3003';

  @IsUrl(HTTP_URL)
  NOTIFICATIONS_URL: string = 'http://127.0.0.1:3004';

  @IsUrl(HTTP_URL)
  AGENCY_VIEWS_URL: string = 'http://127.0.0.1:3005';

  @IsUrl(HTTP_URL)
  AUDIT_URL: string = 'http://127.0.0.1:3006';

  /** How long a call to a service may take before the page says the service is not answering. */
  @IsInt()
  @Min(100)
  WEB_API_TIMEOUT_MS: number = 10_000;

  get cookieSecure(): boolean {
    return this.WEB_COOKIE_SECURE === 'auto'
      ? this.WEB_BASE_URL.startsWith('https:')
      : this.WEB_COOKIE_SECURE === 'true';
  }
}
