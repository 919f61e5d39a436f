import { ApiContract } from '@baton/testing';
import type { ParentingTestApp } from './parenting-test-app.js';
import { tokenFor, type Person } from './parenting-fixtures.js';

export interface Reply {
  status: number;
  etag: string | null;
  headers: Headers;
  contentType: string | null;
  // Response bodies are JSON of many shapes; tests read the fields they assert on.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/**
 * Calls the service as a demo person, the way any client would. Every answer is held to the committed OpenAPI
 * document (a JSON body as parsed, a CSV one as its text).
 */
export async function call(
  service: ParentingTestApp,
  person: Person,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(service.issuer, person)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const checked = text.length === 0 ? undefined : contentType?.includes('json') ? JSON.parse(text) : text;
  ApiContract.of('parenting').check({ method, url: path, status: response.status, contentType, body: checked });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    headers: response.headers,
    contentType,
    body: contentType?.includes('json') && text.length > 0 ? JSON.parse(text) : {},
    text,
  };
}
