import { ApiContract, type TestIssuer } from '@baton/testing';
import { tokenFor, type Person } from './people.fixture.js';

export interface Answer {
  status: number;
  headers: Headers;
  // The JSON body as the service sent it; tests read the fields they assert on.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Calls a running service as one of the demo people, over real HTTP; answers are held to the committed document. */
export function clientFor(baseUrl: () => string, issuer: TestIssuer) {
  return async function call(person: Person, path: string, init: { method?: string; body?: unknown } = {}) {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await tokenFor(issuer, person)}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    const contentType = response.headers.get('content-type');
    const method = init.method ?? 'GET';
    ApiContract.of('agency-views').check({ method, url: path, status: answer.status, contentType, body: answer.body });
    return answer;
  };
}
