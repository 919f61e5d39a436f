import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebConfig } from '../config/web.config.js';
import { AgencyViewsApi } from '../families/agency-views.api.js';
import { TafApi } from '../plans/taf.api.js';
import { writtenEventsIn } from '../sign-in/api-callers.js';
import { ApiProblem, ServiceUnavailable } from './api-errors.js';
import { ServiceClients, type ApiCaller } from './service-clients.js';

const PLAN_ID = '5b0e8b52-6f0e-4d55-9d1e-2f4a8c1d7e10';
const FAMILY_ID = '0f3c2a9e-1b7d-4e8a-9c55-6d2e7f1a3b40';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A stand-in service on a real socket: it records what the web sent and answers as it is told. */
function service(answer: (request: IncomingMessage) => Answer) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers });
    request.resume();
    request.on('end', () => {
      const { status, body, headers } = answer(request);
      if (status === 0) return; // never answers: the web's time-out must end the wait
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      response
        .writeHead(status, { 'content-type': type, ...headers })
        .end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  return {
    seen,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const family = { familyId: FAMILY_ID, relationships: [], children: [], carers: [], actions: { open: [], overdue: [] } };

describe("the web's calls to the services (the typed client)", () => {
  let mode: 'ok' | 'refuse' | 'fail' | 'silent' = 'ok';
  const taf = service((request): Answer => {
    if (mode === 'refuse') {
      return {
        status: 422,
        body: { type: 'https://baton.dev/problems/validation', title: 'The request is not valid', status: 422 },
      };
    }
    if (mode === 'fail') return { status: 503, body: { title: 'down', status: 503, type: 'about:blank' } };
    if (mode === 'silent') return { status: 0 };
    return request.method === 'POST'
      ? { status: 201, body: {}, headers: { 'baton-events': 'event-1, event-2' } }
      : { status: 200, body: { id: PLAN_ID, version: 3 }, headers: { etag: '"3"' } };
  });
  const views = service(() => ({ status: 200, body: { ...family, openReferrals: [], position: 7 } }));
  let tafApi: TafApi;
  let viewsApi: AgencyViewsApi;
  const session: { unseenEvents?: string[] } = {};
  const caller: ApiCaller = {
    accessToken: 'the-persons-own-token',
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0 (invented browser)',
    writes: writtenEventsIn(session),
  };

  beforeAll(async () => {
    const config = Object.assign(new WebConfig(), {
      TAF_URL: await taf.listen(),
      AGENCY_VIEWS_URL: await views.listen(),
      WEB_API_TIMEOUT_MS: 300,
    });
    const clients = new ServiceClients(config);
    tafApi = new TafApi(clients);
    viewsApi = new AgencyViewsApi(clients);
  });

  afterAll(async () => {
    await taf.close();
    await views.close();
  });

  beforeEach(() => {
    mode = 'ok';
  });

  it('calls as the signed-in person, passing on their address and browser for the audit ledger', async () => {
    const { plan, etag } = await tafApi.plan(caller, PLAN_ID);
    expect(plan.version).toBe(3);
    expect(etag).toBe('"3"');
    const last = taf.seen.at(-1)!;
    expect(last.url).toBe(`/v1/plans/${PLAN_ID}`);
    expect(last.headers.authorization).toBe('Bearer the-persons-own-token');
    expect(last.headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(last.headers['user-agent']).toBe('Mozilla/5.0 (invented browser)');
  });

  it('asks the agency views for the events of the person’s own write, once, on the next read', async () => {
    await tafApi.acceptHandover(caller, PLAN_ID, '9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d', '"3"');
    expect(taf.seen.at(-1)!.headers['if-match']).toBe('"3"');
    expect(session.unseenEvents).toEqual(['event-1', 'event-2']);

    await viewsApi.family(caller, FAMILY_ID);
    expect(views.seen.at(-1)!.url).toBe(`/v1/families/${FAMILY_ID}?after=event-1%2Cevent-2`);
    await viewsApi.families(caller, { name: 'Hollowmere' });
    expect(views.seen.at(-1)!.url).toBe('/v1/families?name=Hollowmere');
  });

  it('turns a refusal into the problem the page explains, and a failure or silence into "not answering"', async () => {
    mode = 'refuse';
    const refused = await tafApi.plan(caller, PLAN_ID).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).problem).toMatchObject({ status: 422, title: 'The request is not valid' });
    expect((refused as ApiProblem).service).toBe('taf');

    mode = 'fail';
    await expect(tafApi.plan(caller, PLAN_ID)).rejects.toBeInstanceOf(ServiceUnavailable);
    mode = 'silent';
    await expect(tafApi.plan(caller, PLAN_ID)).rejects.toBeInstanceOf(ServiceUnavailable);
  });

  it('keeps no events from a refused write', async () => {
    mode = 'refuse';
    await expect(
      tafApi.addMember(caller, PLAN_ID, '"3"', { agencyId: 'x', contactName: 'A', role: 'B' }),
    ).rejects.toBeInstanceOf(ApiProblem);
    expect(session.unseenEvents).toBeUndefined();
  });
});
