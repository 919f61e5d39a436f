import { ApiContract } from '@baton/testing';
import { tokenFor, type Person } from './taf-fixtures.js';
import type { TafTestApp } from './taf-test-app.js';

export interface HttpResult {
  status: number;
  headers: Headers;
  // Test assertions read arbitrary JSON bodies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * Calls the running test service as a demo person, the way any client would; every answer is held to the committed
 * OpenAPI document (status declared, body matching its schema), so a test fails where the document would mislead.
 */
export function httpClient(service: () => TafTestApp) {
  return async function call(
    person: Person,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    const response = await fetch(`${service().url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(service().issuer, person)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const result = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    const contentType = response.headers.get('content-type');
    ApiContract.of('taf').check({ method, url: path, status: result.status, contentType, body: result.body });
    return result;
  };
}

/** Polls until `check` answers true, or fails naming what it waited for. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
