import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemException } from '../problem/problem-details.js';

/** The deepest nesting of objects and arrays a request body may have (no Baton body needs more than 6). */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/**
 * How deeply `text` nests objects and arrays, counted without building anything, stopping as soon as it passes
 * `limit`: a body nested thousands deep would otherwise exhaust the stack of whatever walks it after parsing
 * (class-transformer, class-validator) and hold the event loop while doing so.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * The app's JSON parser: refuses a body nested deeper than `maxDepth` before parsing it (400, naming the limit),
 * then parses as Fastify does (prototype and constructor poisoning refused). The size limit stays Fastify's
 * `bodyLimit` (413), applied while the body is read.
 */
export function registerJsonBodyParser(app: NestFastifyApplication, maxDepth = DEFAULT_MAX_JSON_DEPTH): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  const { bodyLimit } = fastify.initialConfig;
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, maxDepth)) {
      const message = `the body nests objects and arrays more than ${maxDepth} deep`;
      done(
        ProblemException.of(400, 'json-too-deep', 'The request body is nested too deeply', message, {
          errors: [{ field: 'body', rule: 'maxDepth', message }],
          limit: maxDepth,
        }),
        undefined,
      );
      return;
    }
    // Nest's parser type is generic over HTTP/2 servers; Baton serves HTTP/1.1 and Fastify's parser reads nothing of the request.
    parse(request as Parameters<typeof parse>[0], text, done);
  });
}
