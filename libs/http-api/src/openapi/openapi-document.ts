import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details.js';
import { PROBLEMS_EXTENSION, RESPONSE_HEADERS, tagDescription } from './api-responses.decorator.js';
import { registeredComponentSchemas } from './component-schemas.js';
import { FieldErrorView, ProblemView } from './problem.view.js';

export interface ApiDocumentInfo {
  /** The service's name: the document's title is `Baton <service>`. */
  service: string;
  description: string;
  /** The port `npm start` serves the service on, for the document's server. */
  port: number;
}

/** The header on every write's answer naming the events it produced, for read-your-writes. */
export const EVENTS_HEADER = 'Baton-Events';

const EVENTS_HEADER_OBJECT = {
  description:
    'The ids of the events this write produced, comma-separated. Pass them to a read model as `after=` ' +
    '(agency-views) to read your own write; absent when the write produced none',
  schema: { type: 'string', example: '0b8c8b53-2c3f-4d8e-9d5f-3a2f7c1f1e01' },
};

const PROBLEMS: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is malformed, or a field is invalid (each named in errors)' },
  401: { name: 'Unauthorized', description: 'No valid bearer token' },
  403: { name: 'Forbidden', description: 'Your role may not do this' },
  404: { name: 'NotFound', description: 'Not found, or not yours to see' },
  409: { name: 'Conflict', description: "The request conflicts with the record's current state" },
  412: { name: 'PreconditionFailed', description: 'If-Match does not name the current version: read it again' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the service accepts' },
  414: { name: 'UriTooLong', description: 'A path parameter is longer than the service accepts' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not application/json' },
  422: { name: 'RuleBroken', description: 'The request breaks a rule (each field and rule named in errors)' },
  428: { name: 'PreconditionRequired', description: 'If-Match is required for this change' },
  429: { name: 'TooManyRequests', description: 'Too many requests: wait for Retry-After seconds' },
  431: { name: 'HeadersTooLarge', description: 'The request headers are larger than the service accepts' },
  503: {
    name: 'Unavailable',
    description:
      'The service cannot answer just now (its database, or the views not caught up): retry after Retry-After',
  },
};

const RETRY_AFTER = new Set([429, 503]);
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The service's OpenAPI document: what the controllers declare, plus what every operation shares (the problem
 * responses any request can meet, `Baton-Events` on every write), its tags described, servers and licence.
 */
export function openApiDocument(app: INestApplication, info: ApiDocumentInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Baton ${info.service}`)
    .setDescription(info.description)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer(
      '/',
      `The host serving this document (\`npm start\` serves this service at http://localhost:${info.port})`,
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OIDC access token' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemView, FieldErrorView] });
  document.components = { ...document.components };
  const tags = new Set<string>();
  const used = new Set<number>();
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      completeOperation(method, operation).forEach((s) => used.add(s));
      operation.tags?.forEach((t) => tags.add(t));
    }
  }
  document.components.responses = problemResponses([...used].sort());
  document.components.schemas = referencedSchemas(document);
  document.tags = [...tags].sort().map((name) => {
    const description = tagDescription(name);
    if (description === undefined) throw new Error(`Tag '${name}' has no description: declare it with ApiTag`);
    return { name, description };
  });
  return document;
}

/** Adds the problem responses and write headers every operation of its kind has; returns the problem statuses. */
function completeOperation(method: string, operation: OperationObject): number[] {
  const extensions = operation as unknown as Record<string, unknown>;
  const declared = (extensions[PROBLEMS_EXTENSION] as number[] | undefined) ?? [];
  delete extensions[PROBLEMS_EXTENSION];
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const statuses = new Set([401, 429, 431, 503, ...declared]);
  if (parameters.length > 0 || operation.requestBody !== undefined) statuses.add(400);
  if (parameters.some((p) => p.in === 'path')) statuses.add(414);
  if (operation.requestBody !== undefined) [413, 415].forEach((s) => statuses.add(s));
  const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
  for (const status of [...statuses].sort()) {
    responses[String(status)] = { $ref: `#/components/responses/${PROBLEMS[status].name}` };
  }
  if (WRITES.has(method)) {
    for (const [status, response] of Object.entries(responses)) {
      if (!status.startsWith('2') || '$ref' in response) continue;
      response.headers = { ...response.headers, [EVENTS_HEADER]: EVENTS_HEADER_OBJECT };
    }
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return [...statuses];
}

function problemResponses(statuses: number[]): Record<string, ResponseObject> {
  return Object.fromEntries(
    statuses.map((status) => [
      PROBLEMS[status].name,
      {
        description: PROBLEMS[status].description,
        ...(RETRY_AFTER.has(status) ? { headers: { 'Retry-After': { ...RESPONSE_HEADERS['Retry-After'] } } } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      },
    ]),
  );
}

/**
 * The schemas something refers to, sorted by name. Nest also lists classes it met elsewhere (`Function` for a
 * handler returning a function-valued promise, an event handler's payload class), which no operation uses.
 */
function referencedSchemas(document: OpenAPIObject): Record<string, SchemaObject | ReferenceObject> {
  const all = { ...document.components?.schemas, ...registeredComponentSchemas() } as Record<
    string,
    SchemaObject | ReferenceObject
  >;
  const refs = (value: unknown): string[] =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const kept = new Set<string>();
  const pending = refs({ paths: document.paths, responses: document.components?.responses });
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (kept.has(name) || !(name in all)) continue;
    kept.add(name);
    pending.push(...refs(all[name]));
  }
  return Object.fromEntries([...kept].sort().map((name) => [name, all[name]]));
}
