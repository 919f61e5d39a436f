import { HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem, SERVICE_TITLES, ServiceUnavailable } from '../api/api-errors.js';
import { SignInRequired } from '../sign-in/sign-in-required.js';

const logger = new Logger('web');

/** A local path to come back to after signing in; anything else (another site, `//host`) is refused. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : '/';
}

/**
 * Every failure a person can meet, as a page in plain English: never a stack trace. Nest's exception
 * filter calls it for errors from pages and from Fastify's hooks alike (a bad CSRF token).
 */
export async function sendErrorPage(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (reply.sent) return;
  if (error instanceof SignInRequired || (error instanceof ApiProblem && error.status === 401)) {
    const returnTo = error instanceof SignInRequired ? error.returnTo : request.method === 'GET' ? request.url : '/';
    await reply.redirect(`/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`, 303);
    return;
  }
  const { status, view, context } = pageFor(error, request);
  if (status >= 500 && !(error instanceof ServiceUnavailable)) {
    logger.error(`${request.method} ${request.url}: ${(error as Error).message}`, (error as Error).stack);
  }
  // The layout's own locals are missing when the failure came before them (a refused CSRF token).
  const nonce = { cspNonce: reply.cspNonce?.script };
  await reply
    .status(status)
    .header('cache-control', 'no-store')
    .view(view, { ...nonce, ...context });
}

function pageFor(error: unknown, request: FastifyRequest): { status: number; view: string; context: object } {
  if (error instanceof ServiceUnavailable) {
    return { status: 503, view: 'errors/service-unavailable.njk', context: { service: SERVICE_TITLES[error.service] } };
  }
  if (error instanceof ApiProblem) {
    if (error.status === 404) return notFound();
    if (error.status === 412) {
      return { status: 412, view: 'errors/changed.njk', context: { retry: safeReturnTo(retryPath(request)) } };
    }
    if (error.status === 403) return { status: 403, view: 'errors/not-allowed.njk', context: {} };
    return {
      status: error.status,
      view: 'errors/refused.njk',
      context: { title: error.problem.title, detail: error.problem.detail, problems: error.problem.errors ?? [] },
    };
  }
  // Nest hands on Fastify's own errors (a bad CSRF token) as an HttpException caused by them.
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, view: 'errors/form-expired.njk', context: { retry: safeReturnTo(retryPath(request)) } };
  }
  const status =
    error instanceof HttpException ? error.getStatus() : ((error as { statusCode?: number }).statusCode ?? 500);
  if (status === 404) return notFound();
  if (status >= 400 && status < 500) {
    return { status, view: 'errors/refused.njk', context: { title: 'The page could not do that', problems: [] } };
  }
  return { status: 500, view: 'errors/problem.njk', context: {} };
}

function notFound() {
  return { status: 404, view: 'errors/not-found.njk', context: {} };
}

/** After a refused form, the page the form was on: the Referer when it is ours, else the form's own path. */
function retryPath(request: FastifyRequest): string {
  const referer = request.headers.referer;
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.host === request.headers.host) return `${url.pathname}${url.search}`;
    } catch {
      // not a URL: fall back to the request's own path
    }
  }
  return request.url;
}
