import { Injectable } from '@nestjs/common';
import {
  auditClient,
  parentingClient,
  type AuditClient,
  type ParentingClient,
  type ServiceClientOptions,
} from '@baton/api-client';
import type { ProblemDetails } from '@baton/http-api';
import { ApiProblem, ServiceUnavailable, type ServiceName } from '../api/api-errors.js';
import type { ApiCaller } from '../api/service-client.js';
import { WebConfig } from '../config/web.config.js';

/** What openapi-fetch answers with: the body or the problem, and the response itself. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The typed clients (`@baton/api-client`) of the parenting and audit services, made for one signed-in
 * person: their own token, and their address and browser passed on for the audit ledger.
 */
@Injectable()
export class TypedClients {
  constructor(private readonly config: WebConfig) {}

  parenting(caller: ApiCaller): ParentingClient {
    return parentingClient(this.options(caller, this.config.PARENTING_URL));
  }

  audit(caller: ApiCaller): AuditClient {
    return auditClient(this.options(caller, this.config.AUDIT_URL));
  }

  private options(caller: ApiCaller, baseUrl: string): ServiceClientOptions {
    const timeoutMs = this.config.WEB_API_TIMEOUT_MS;
    return {
      baseUrl,
      token: caller.accessToken,
      headers: {
        'x-forwarded-for': caller.ip,
        ...(caller.userAgent ? { 'user-agent': caller.userAgent } : {}),
      },
      fetch: (request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) }),
    };
  }
}

/**
 * A typed call's answer, or the error pages' exceptions: a problem (4xx) becomes {@link ApiProblem}; no
 * answer, a time-out or a 5xx becomes {@link ServiceUnavailable} — as the web's other service calls do.
 */
export async function answer<T>(
  service: ServiceName,
  call: Promise<FetchResult<T>>,
): Promise<{ body: T; etag?: string; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new ServiceUnavailable(service, { cause: error });
  }
  const { response } = result;
  if (response.status >= 500) throw new ServiceUnavailable(service, { cause: result.error });
  if (response.status >= 400) throw new ApiProblem(service, asProblem(result.error, response.status));
  return { body: result.data as T, etag: response.headers.get('etag') ?? undefined, response };
}

function asProblem(body: unknown, status: number): ProblemDetails {
  if (typeof body === 'object' && body !== null && 'title' in body) return { ...(body as ProblemDetails), status };
  return { type: 'about:blank', title: 'The request was refused', status };
}
