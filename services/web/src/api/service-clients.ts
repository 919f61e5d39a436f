import {
  agencyViewsClient,
  eventsOf,
  notificationsClient,
  referralsClient,
  tafClient,
  type AgencyViewsClient,
  type NotificationsClient,
  type ReferralsClient,
  type ServiceClientOptions,
  type TafClient,
} from '@baton/api-client';
import type { ProblemDetails } from '@baton/http-api';
import { WebConfig } from '../config/web.config.js';
import { ApiProblem, ServiceUnavailable, type ServiceName } from './api-errors.js';

/** Who a call is made for: the signed-in person's own token, and where they are, for the audit ledger. */
export interface ApiCaller {
  accessToken: string;
  ip: string;
  userAgent?: string;
  /** The events of the person's own writes that the agency views have not yet been asked to show (read-your-writes). */
  writes?: WrittenEvents;
}

/**
 * The events a person's writes produced (each write's `Baton-Events`), kept until the next read of the agency views
 * asks for them with `after=`: that read answers only once they are applied, so the person sees what they just did.
 */
export interface WrittenEvents {
  wrote(eventIds: string[]): void;
  /** The events to wait for, forgotten as they are handed out (a read waits for them once, and never again). */
  takeUnseen(): string[];
}

/**
 * The typed clients (`@baton/api-client`) of the services the web calls, made for one signed-in person: their own
 * token, their address and browser passed on (so the audit ledger records where each access came from), and a
 * time-out. Every client answers only 2xx: a problem (4xx) throws {@link ApiProblem}; no answer, a time-out or a
 * 5xx throws {@link ServiceUnavailable}, so a page's code reads the answer and the error pages do the rest.
 */
export class ServiceClients {
  constructor(private readonly config: WebConfig) {}

  referrals(caller: ApiCaller): ReferralsClient {
    return referralsClient(this.options('referrals', this.config.REFERRALS_URL, caller, caller.writes));
  }

  taf(caller: ApiCaller): TafClient {
    return tafClient(this.options('taf', this.config.TAF_URL, caller, caller.writes));
  }

  notifications(caller: ApiCaller): NotificationsClient {
    return notificationsClient(this.options('notifications', this.config.NOTIFICATIONS_URL, caller));
  }

  agencyViews(caller: ApiCaller): AgencyViewsClient {
    return agencyViewsClient(this.options('agency-views', this.config.AGENCY_VIEWS_URL, caller));
  }

  /** `writes`: where the events of this service's writes are kept, for the services the agency views follow. */
  private options(
    service: ServiceName,
    baseUrl: string,
    caller: ApiCaller,
    writes?: WrittenEvents,
  ): ServiceClientOptions {
    return {
      baseUrl,
      token: caller.accessToken,
      headers: {
        accept: 'application/json, application/problem+json',
        'x-forwarded-for': caller.ip,
        ...(caller.userAgent ? { 'user-agent': caller.userAgent } : {}),
      },
      fetch: answeredOnly(service, this.config.WEB_API_TIMEOUT_MS, writes),
    };
  }
}

/** A fetch that lets only 2xx answers through to the typed client, and turns the rest into the web's errors. */
function answeredOnly(
  service: ServiceName,
  timeoutMs: number,
  writes: WrittenEvents | undefined,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new ServiceUnavailable(service, { cause: error });
    }
    if (response.status >= 500) throw new ServiceUnavailable(service, { cause: await response.text() });
    if (response.status >= 400) throw new ApiProblem(service, asProblem(await response.text(), response.status));
    if (writes && request.method !== 'GET') writes.wrote(eventsOf(response));
    return response;
  };
}

function asProblem(text: string, status: number): ProblemDetails {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'title' in body) return { ...(body as ProblemDetails), status };
  } catch {
    // not JSON: the service's own words are lost, the status is kept
  }
  return { type: 'about:blank', title: 'The request was refused', status };
}

/** The body of a 2xx answer (the client's fetch has already turned every other answer into an error). */
export function bodyOf<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${result.response.url} answered ${result.response.status} without a body`);
  }
  return result.data;
}
