import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import rateLimit, { type CreateRateLimitOptions } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier, type Caller } from '@baton/auth';
import { ProblemException } from '../problem/problem-details.js';

/** How many requests a caller and an address may make in a window; 0 turns that limit off. */
export interface RateLimits {
  perCaller: number;
  perAddress: number;
  windowSeconds: number;
}

/** Routes an orchestrator or scraper calls on its own schedule: never limited. */
function isOperational(url: string): boolean {
  return url.startsWith('/health/') || url === '/metrics';
}

const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers every answer carries, the router's own refusals (414, bad URL) included. */
export function baseSecurityHeaders(reply: FastifyReply): void {
  void reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
}

/**
 * Security headers on every response (`@fastify/helmet`): `nosniff`, `frame-ancestors 'none'` and
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, a CSP that lets a JSON API load nothing (Swagger UI's
 * own files when it is served), HSTS only on a request that arrived over TLS (directly or as the trusted proxy
 * says), and `Cache-Control: no-store` unless a route says otherwise: every answer is about a family or about
 * who may see one.
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { docsUi: boolean; contentSecurityPolicy?: FastifyHelmetOptions['contentSecurityPolicy'] },
): void {
  const contentSecurityPolicy: FastifyHelmetOptions['contentSecurityPolicy'] =
    options.contentSecurityPolicy ??
    (options.docsUi
      ? { useDefaults: true, directives: { frameAncestors: ["'none'"] } }
      : {
          useDefaults: false,
          directives: {
            defaultSrc: ["'none'"],
            frameAncestors: ["'none'"],
            baseUri: ["'none'"],
            formAction: ["'none'"],
          },
        });
  void fastify.register(helmet, {
    global: true,
    contentSecurityPolicy,
    hsts: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}

function tooMany(what: string, max: number, windowSeconds: number, ttlSeconds: number): ProblemException {
  const retryAfter = Math.max(1, ttlSeconds);
  return ProblemException.of(
    429,
    'rate-limited',
    'Too many requests',
    `More than ${max} requests in ${windowSeconds} s from this ${what}; try again in ${retryAfter} s`,
    { retryAfter, limit: max, windowSeconds },
  );
}

/**
 * Two limits (`@fastify/rate-limit`), each a 429 problem with `Retry-After`: per client address, whatever the
 * request carries, and per caller (tenant, agency and person of a verified token; the verifier's cache makes the
 * check the guard's own), so one person's script cannot starve their colleagues behind the same address, nor
 * many addresses one caller's budget. A request without a valid token counts against its address only.
 */
export function registerRateLimits(app: NestFastifyApplication, fastify: FastifyInstance, limits: RateLimits): void {
  const timeWindow = limits.windowSeconds * 1000;
  let verifier: TokenVerifier | null | undefined;
  const callerOf = async (request: FastifyRequest): Promise<Caller | undefined> => {
    if (verifier === undefined) {
      try {
        verifier = app.get(TokenVerifier, { strict: false });
      } catch {
        verifier = null;
      }
    }
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined;
    if (!verifier || !token) return undefined;
    return verifier.verify(token).catch(() => undefined);
  };
  const limiters: (CreateRateLimitOptions & { what: string })[] = [];
  if (limits.perAddress > 0) {
    limiters.push({
      what: 'address',
      max: limits.perAddress,
      timeWindow,
      keyGenerator: (request) => `address:${request.ip}`,
      allowList: (request) => isOperational(request.url),
    });
  }
  if (limits.perCaller > 0) {
    limiters.push({
      what: 'caller',
      max: limits.perCaller,
      timeWindow,
      keyGenerator: async (request) => {
        const caller = await callerOf(request);
        return caller ? `caller:${caller.tenant}:${caller.agencyId}:${caller.personId}` : 'anonymous';
      },
      allowList: (request, key) => key === 'anonymous' || isOperational(request.url),
    });
  }
  if (limiters.length === 0) return;
  // Hooks on the root, as helmet's are, so every request counts: the routes Nest adds later and unknown ones too.
  void fastify.register(rateLimit, { global: false });
  void fastify.after(() => {
    for (const { what, ...options } of limiters) {
      const check = fastify.createRateLimit(options);
      fastify.addHook('onRequest', async (request, reply) => {
        const result = await check(request);
        if (result.isAllowed) return;
        void reply
          .header('x-ratelimit-limit', String(result.max))
          .header('x-ratelimit-remaining', String(result.remaining))
          .header('x-ratelimit-reset', String(result.ttlInSeconds));
        if (result.isExceeded) throw tooMany(what, result.max, limits.windowSeconds, result.ttlInSeconds);
      });
    }
  });
}
