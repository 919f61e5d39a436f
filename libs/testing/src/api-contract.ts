import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS: imported natively its function is the module's default (under ts-jest, its default's).
const formats = ajvFormats as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats = typeof formats.default === 'function' ? formats.default : formats.default.default;

const DOCS = fileURLToPath(new URL('../../../docs/api/', import.meta.url));

interface Operation {
  responses: Record<string, Response | { $ref: string }>;
  requestBody?: { content: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> };
}
interface Response {
  content?: Record<string, { schema: object }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { responses?: Record<string, Response> };
}

/** What a test saw: the request it made and the answer it got. */
export interface Exchange {
  method: string;
  /** The path and query, as requested. */
  url: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

const CONTRACTS = new Map<string, ApiContract>();

/**
 * A service's committed OpenAPI document (docs/api/<service>.openapi.json), to hold real answers to: every answer
 * a test gets must have a status the operation declares, a declared media type and a body its schema accepts.
 */
export class ApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { pattern: RegExp; path: string }[];

  private constructor(
    readonly service: string,
    readonly document: Document,
  ) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'api');
    this.templates = Object.keys(document.paths)
      .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
      // Literal segments before parameters: `/v1/plans/mine` before `/v1/plans/{id}`.
      .sort((a, b) => b.path.replace(/\{[^}]+\}/g, '').length - a.path.replace(/\{[^}]+\}/g, '').length);
  }

  static of(service: string): ApiContract {
    let contract = CONTRACTS.get(service);
    if (!contract) {
      const document = JSON.parse(readFileSync(`${DOCS}${service}.openapi.json`, 'utf8')) as Document;
      contract = new ApiContract(service, document);
      CONTRACTS.set(service, contract);
    }
    return contract;
  }

  /**
   * What is wrong with the document's request examples: an operation taking a body without one, or an example its
   * own schema refuses. Empty when every body has a true example.
   */
  exampleProblems(): string[] {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${this.service}: ${method.toUpperCase()} ${path}`;
        for (const [mediaType, content] of Object.entries(operation.requestBody?.content ?? {})) {
          const examples = Object.entries(content.examples ?? {});
          if (examples.length === 0) problems.push(`${where}: no example ${mediaType} body`);
          const pointer = `#/paths/${escape(path)}/${method}/requestBody/content/${escape(mediaType)}/schema`;
          const validate = this.validatorFor(pointer);
          for (const [name, example] of examples) {
            if (!validate(example.value)) {
              problems.push(`${where}: example ${name} breaks its schema: ${this.ajv.errorsText(validate.errors)}`);
            }
          }
        }
      }
    }
    return problems;
  }

  /** Throws, naming the operation and what is wrong, unless the answer is one the document describes. */
  check(exchange: Exchange): void {
    const path = new URL(exchange.url, 'http://x').pathname;
    const method = exchange.method.toLowerCase();
    const template = this.templates.find((t) => t.pattern.test(path) && this.document.paths[t.path][method]);
    const where = `${this.service}: ${exchange.method} ${template?.path ?? path} → ${exchange.status}`;
    if (!template) throw new Error(`${where}: no such operation in the document`);
    const operation = this.document.paths[template.path][method];
    const declared = operation.responses[String(exchange.status)];
    if (!declared) throw new Error(`${where}: status not declared (declared: ${Object.keys(operation.responses)})`);
    const response = '$ref' in declared ? this.resolve(declared.$ref) : declared;
    const pointer =
      '$ref' in declared ? declared.$ref : `#/paths/${escape(template.path)}/${method}/responses/${exchange.status}`;
    if (!response.content) {
      if (exchange.body !== undefined) throw new Error(`${where}: a body where the document declares none`);
      return;
    }
    const mediaType = (exchange.contentType ?? '').split(';')[0].trim();
    if (!response.content[mediaType]) {
      throw new Error(`${where}: content type ${mediaType} not declared (${Object.keys(response.content)})`);
    }
    const validate = this.validatorFor(`${pointer}/content/${escape(mediaType)}/schema`);
    if (!validate(exchange.body)) {
      throw new Error(`${where}: the body does not match its schema: ${this.ajv.errorsText(validate.errors)}`);
    }
  }

  /**
   * `fetch(baseUrl + path, init)`, holding the answer to the document before handing it back (still unread): a JSON
   * body is checked as parsed, any other body (CSV) as its text.
   */
  async fetch(baseUrl: string, path: string, init: RequestInit = {}): Promise<globalThis.Response> {
    const response = await fetch(`${baseUrl}${path}`, init);
    const text = await response.clone().text();
    const contentType = response.headers.get('content-type');
    const body = text.length === 0 ? undefined : /[/+]json\b/.test(contentType ?? '') ? JSON.parse(text) : text;
    this.check({ method: init.method ?? 'GET', url: path, status: response.status, contentType, body });
    return response;
  }

  private resolve(ref: string): Response {
    const name = ref.replace('#/components/responses/', '');
    const response = this.document.components?.responses?.[name];
    if (!response) throw new Error(`${this.service}: ${ref} is not in the document`);
    return response;
  }

  private validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `api${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** The document a running service serves at /docs/json. */
export async function servedDocument(url: string): Promise<unknown> {
  const response = await fetch(`${url}/docs/json`);
  if (!response.ok) throw new Error(`GET ${url}/docs/json answered ${response.status}`);
  return response.json();
}

/** The committed document of `service`, as the drift tests compare it with the served one. */
export function committedDocument(service: string): unknown {
  return JSON.parse(readFileSync(`${DOCS}${service}.openapi.json`, 'utf8'));
}
