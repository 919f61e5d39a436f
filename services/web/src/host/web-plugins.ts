import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import type { WebConfig } from '../config/web.config.js';
import { SessionDatabase } from '../health/session-database.js';
import { LayoutLocals } from '../layout/layout-locals.js';
import { configureNunjucks } from './nunjucks-environment.js';
import { PUBLIC_DIR, VIEWS_DIR } from './paths.js';
import { createSessionStore } from './session-store.js';

const require = createRequire(import.meta.url);
const GOVUK_TEMPLATES = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const MOJ_TEMPLATES = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
export const SESSION_COOKIE = 'baton_session';

/**
 * Fastify plugins of a server-rendered service (Nest's adapter parses form bodies): security headers with a nonce-based CSP,
 * the server-side session in Postgres, CSRF on every form, Nunjucks views and the built assets.
 */
export async function registerWebPlugins(app: NestFastifyApplication, config: WebConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const issuerOrigin = new URL(config.AUTH_ISSUER).origin;
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    // Our own pages may see where a person came from (the "try again" link after a refused form); other sites not.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        // Signing out posts here and is redirected to the provider to end its session too.
        formAction: ["'self'", issuerOrigin],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  const sessions = createSessionStore(app.get(SessionDatabase).pool);
  fastify.addHook('onClose', async () => sessions.close());
  await app.register(fastifySession, {
    secret: config.WEB_SESSION_SECRET,
    cookieName: SESSION_COOKIE,
    store: sessions.store,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      secure: config.cookieSecure,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: config.WEB_SESSION_IDLE_MINUTES * 60_000,
    },
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request: FastifyRequest) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [VIEWS_DIR, GOVUK_TEMPLATES, MOJ_TEMPLATES],
    options: { onConfigure: configureNunjucks },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/assets/', maxAge: '1h' });

  const layout = app.get(LayoutLocals);
  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isAsset(request)) return;
    if (request.method === 'POST') await checkCsrf(fastify.csrfProtection.bind(fastify), request, reply);
    await layout.fill(request, reply);
  });
  fastify.addHook('onSend', async (request, reply) => {
    // Pages show family data: never kept by the browser or a proxy (Back shows a fresh copy).
    if (!isAsset(request)) reply.header('cache-control', 'no-store');
  });
}

function isAsset(request: FastifyRequest): boolean {
  return request.url.startsWith('/assets/') || request.url.startsWith('/health/');
}

function checkCsrf(
  protect: (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => void,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  return new Promise((resolve, reject) =>
    protect(request, reply, (error?: Error) => (error ? reject(error) : resolve())),
  );
}
