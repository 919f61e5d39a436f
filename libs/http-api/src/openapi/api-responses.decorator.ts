import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiExtraModels, ApiHeader, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject } from '@nestjs/swagger';

/** The operation-specific problems a decorator may declare; the document adds the ones every operation can give. */
export type DeclaredProblem = 400 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 503;

/** The response headers Baton's operations send, described once. */
export const RESPONSE_HEADERS = {
  ETag: {
    description: 'The version of the record: send it as If-Match with the next change',
    schema: { type: 'string', example: '"3"' },
  },
  Location: { description: 'Where the created resource is read', schema: { type: 'string', format: 'uri-reference' } },
  Link: {
    description: 'The next page, as `<url>; rel="next"` (RFC 8288); absent on the last page',
    schema: { type: 'string' },
  },
  'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer', minimum: 0 } },
  'Baton-Position': {
    description: 'The event stream position the views had applied when this answer was read',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/** The extension by which {@link ApiProblems} tells the document builder which problem responses to add. */
export const PROBLEMS_EXTENSION = 'x-baton-problems';

/** The problem responses this operation can give besides those of every operation (401, 429, 431, 503...). */
export function ApiProblems(...statuses: DeclaredProblem[]): MethodDecorator {
  return ApiExtension(PROBLEMS_EXTENSION, statuses) as MethodDecorator;
}

export interface SuccessOptions {
  description: string;
  /** The body's class (an array of one class for a JSON array); none for an empty body. */
  type?: Type<unknown> | [Type<unknown>];
  /** The body is one of these classes (an answer that depends on who asks). */
  oneOf?: Type<unknown>[];
  headers?: ResponseHeaderName[];
  /** The body's media type when it is not JSON (a CSV report, an event stream). */
  contentType?: string;
  /** The same answer is also given as CSV (`?format=csv` or `Accept: text/csv`): declares `text/csv` beside JSON. */
  csv?: boolean;
}

const CSV = { 'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV with a header row' } } } as const;

/** The success response of an operation: its status, body class and the headers it sends. */
export function ApiSuccess(status: number, options: SuccessOptions): MethodDecorator {
  const headers: HeadersObject = Object.fromEntries(
    (options.headers ?? []).map((h) => [h, { ...RESPONSE_HEADERS[h] }]),
  );
  const withHeaders = options.headers?.length ? { headers } : {};
  if (options.contentType !== undefined) {
    return ApiResponse({
      status,
      description: options.description,
      ...withHeaders,
      content: { [options.contentType]: { schema: { type: 'string' } } },
    });
  }
  if (options.oneOf !== undefined) {
    return applyDecorators(
      ApiExtraModels(...options.oneOf),
      ApiResponse({
        status,
        description: options.description,
        ...withHeaders,
        schema: { oneOf: options.oneOf.map((t) => ({ $ref: getSchemaPath(t) })) },
      }),
    );
  }
  const [type, isArray] = Array.isArray(options.type) ? [options.type[0], true] : [options.type, false];
  if (options.csv && type) {
    const ref = { $ref: getSchemaPath(type) };
    return applyDecorators(
      ApiExtraModels(type),
      ApiResponse({
        status,
        description: options.description,
        ...withHeaders,
        content: { 'application/json': { schema: isArray ? { type: 'array', items: ref } : ref }, ...CSV },
      }),
    );
  }
  return ApiResponse({
    status,
    description: options.description,
    ...withHeaders,
    ...(type ? { type, isArray } : {}),
  });
}

/** An example request body, as the document shows it: typed as its DTO, so it keeps the DTO's shape. */
export interface RequestExample<T> {
  summary: string;
  value: T;
}

/**
 * The operation's request body and an example of it. Keep the example beside its DTO
 * (`export const openPlanExample: RequestExample<OpenPlanDto> = {...}`), with invented data only.
 */
export function ApiExampleBody<T extends object>(type: Type<T>, example: RequestExample<T>): MethodDecorator {
  return ApiBody({ type, examples: { example: { summary: example.summary, value: example.value } } });
}

/** An update under optimistic concurrency: `If-Match` with the ETag read (428 without it, 412 when stale). */
export function ApiIfMatch(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the version you read; the change is refused (412) if the record changed since',
      schema: { type: 'string', example: '"3"' },
    }),
  );
}

/** A create that may be retried safely: the same key and body answer with what the first request created. */
export function ApiIdempotencyKey(): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Any unique string (a UUID): a retry with the same key and body returns the first answer',
    schema: { type: 'string', maxLength: 200, example: '6f1c7e1e-2a52-4a1f-9d6b-3d1d1bb1a0c4' },
  });
}

const TAG_DESCRIPTIONS = new Map<string, string>();

/** A controller's tag, with the description the document gives it (one description per tag name). */
export function ApiTag(name: string, description: string): ClassDecorator {
  const known = TAG_DESCRIPTIONS.get(name);
  if (known !== undefined && known !== description) throw new Error(`Tag '${name}' is described twice, differently`);
  TAG_DESCRIPTIONS.set(name, description);
  return ApiTags(name);
}

export function tagDescription(name: string): string | undefined {
  return TAG_DESCRIPTIONS.get(name);
}
