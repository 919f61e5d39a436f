import type { TestTokenClaims } from '@baton/testing';
import type { RunningSystem, ServiceName } from './running-system.js';

/** Invented people of the demo tenant (config/tenants/demo.json). */
export const DEMO_PEOPLE = {
  school: { sub: 'school-dsl', name: 'Priya Lanternby', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] },
  hub: {
    sub: 'hub-triager',
    name: 'Tamsin Quillfeather',
    agency_id: 'demo-early-help-hub',
    roles: ['triager', 'practitioner'],
  },
  adult: { sub: 'adult-worker', name: 'Callum Dewbury', agency_id: 'demo-adult-services', roles: ['practitioner'] },
  yot: { sub: 'yot-officer', name: 'Owen Thistlecombe', agency_id: 'demo-yot', roles: ['practitioner'] },
  healthVisitor: {
    sub: 'health-visitor',
    name: 'Nia Marchbank',
    agency_id: 'demo-health-visiting',
    roles: ['practitioner'],
  },
} satisfies Record<string, Omit<TestTokenClaims, 'tenant'>>;
export type DemoPerson = keyof typeof DEMO_PEOPLE;

export interface Answer {
  status: number;
  etag: string;
  // The services' JSON, as any client reads it; each test asserts on the fields it needs.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Calls the running services as demo people, and waits for agency-views to show what a test expects. */
export function systemClient(system: RunningSystem) {
  async function call(
    service: ServiceName,
    person: DemoPerson,
    method: string,
    path: string,
    body?: unknown,
    etag?: string,
  ): Promise<Answer> {
    // Each step a minute after the last, as people work: a lead's time never starts and ends in one instant.
    if (method !== 'GET') system.clock.advance(60_000);
    const response = await fetch(`${system.urls[service]}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await system.token(DEMO_PEOPLE[person])}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(etag === undefined ? {} : { 'if-match': etag }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag') ?? '', body: text ? JSON.parse(text) : {} };
  }

  /** Polls `path` of agency-views as `person` until `check` holds; views follow the events within moments. */
  async function viewOnceTrue(person: DemoPerson, path: string, check: (answer: Answer) => boolean): Promise<Answer> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answer = await call('agency-views', person, 'GET', path);
      if (check(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`${person}'s ${path} never matched; last: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return { call, viewOnceTrue };
}
