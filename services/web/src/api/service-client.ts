import type { ProblemDetails } from '@baton/http-api';
import { ApiProblem, ServiceUnavailable, type ServiceName } from './api-errors.js';

/** Who a call is made for: the signed-in person's own token, and where they are, for the audit ledger. */
export interface ApiCaller {
  accessToken: string;
  ip: string;
  userAgent?: string;
}

export interface ApiRequest {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  ifMatch?: string;
  idempotencyKey?: string;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  etag?: string;
  location?: string;
}

/**
 * Calls one service's public API as the signed-in person. A problem (4xx) becomes {@link ApiProblem};
 * no answer, a time-out or a 5xx becomes {@link ServiceUnavailable}.
 */
export class ServiceClient {
  constructor(
    readonly service: ServiceName,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  get<T>(caller: ApiCaller, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
    return this.send<T>('GET', caller, path, request);
  }

  post<T>(caller: ApiCaller, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
    return this.send<T>('POST', caller, path, request);
  }

  put<T>(caller: ApiCaller, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
    return this.send<T>('PUT', caller, path, request);
  }

  patch<T>(caller: ApiCaller, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
    return this.send<T>('PATCH', caller, path, request);
  }

  private async send<T>(method: string, caller: ApiCaller, path: string, request: ApiRequest): Promise<ApiResponse<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${caller.accessToken}`,
      accept: 'application/json, application/problem+json',
      'x-forwarded-for': caller.ip,
    };
    if (caller.userAgent) headers['user-agent'] = caller.userAgent;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.ifMatch) headers['if-match'] = request.ifMatch;
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ServiceUnavailable(this.service, { cause: error });
    }
    if (response.status >= 500) throw new ServiceUnavailable(this.service, { cause: await response.text() });
    const text = await response.text();
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    if (response.status >= 400) throw new ApiProblem(this.service, asProblem(body, response.status));
    return {
      status: response.status,
      body: body as T,
      etag: response.headers.get('etag') ?? undefined,
      location: response.headers.get('location') ?? undefined,
    };
  }
}

function asProblem(body: unknown, status: number): ProblemDetails {
  if (typeof body === 'object' && body !== null && 'title' in body) return { ...(body as ProblemDetails), status };
  return { type: 'about:blank', title: 'The request was refused', status };
}
