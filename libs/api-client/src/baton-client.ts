import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as AgencyViewsPaths } from './generated/agency-views.js';
import type { paths as AuditPaths } from './generated/audit.js';
import type { paths as NotificationsPaths } from './generated/notifications.js';
import type { paths as ParentingPaths } from './generated/parenting.js';
import type { paths as ReferralsPaths } from './generated/referrals.js';
import type { paths as TafPaths } from './generated/taf.js';

/** How a client reaches a service and whom it speaks for. */
export interface ServiceClientOptions {
  /** The service's root, e.g. `http://localhost:3002`. */
  baseUrl: string;
  /** The caller's bearer token, or a function giving the current one (read before every request). */
  token: string | (() => string | Promise<string>);
  /** Headers sent with every request (a BFF forwards the person's address and browser, say). */
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
}

export type ReferralsClient = Client<ReferralsPaths>;
export type TafClient = Client<TafPaths>;
export type ParentingClient = Client<ParentingPaths>;
export type NotificationsClient = Client<NotificationsPaths>;
export type AgencyViewsClient = Client<AgencyViewsPaths>;
export type AuditClient = Client<AuditPaths>;

function serviceClient<Paths extends object>(options: ServiceClientOptions): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: options.baseUrl, headers: options.headers, fetch: options.fetch });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

export const referralsClient = (options: ServiceClientOptions): ReferralsClient => serviceClient(options);
export const tafClient = (options: ServiceClientOptions): TafClient => serviceClient(options);
export const parentingClient = (options: ServiceClientOptions): ParentingClient => serviceClient(options);
export const notificationsClient = (options: ServiceClientOptions): NotificationsClient => serviceClient(options);
export const agencyViewsClient = (options: ServiceClientOptions): AgencyViewsClient => serviceClient(options);
export const auditClient = (options: ServiceClientOptions): AuditClient => serviceClient(options);

/** The header on a write's answer naming the events it produced. */
export const EVENTS_HEADER = 'baton-events';

/**
 * The ids of the events a write produced (its `Baton-Events` header), to pass as `after` to a read model so that
 * it answers only once they are applied: read-your-writes without polling.
 */
export function eventsOf(response: Response): string[] {
  const value = response.headers.get(EVENTS_HEADER);
  return value
    ? value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0)
    : [];
}
