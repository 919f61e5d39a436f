import { Controller, Get, Logger, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { WebConfig } from '../config/web.config.js';
import { safeReturnTo } from '../errors/error-pages.js';
import { OpenIdProvider } from './openid-provider.js';
import { personFromTokens } from './person.js';
import { PublicPage } from './public.decorator.js';

/** Sign in (authorization code + PKCE), the provider's redirect back, and sign-out ending both sessions. */
@Controller()
export class SignInController {
  private readonly logger = new Logger('sign-in');

  constructor(
    private readonly provider: OpenIdProvider,
    private readonly tenants: TenantDirectory,
    private readonly config: WebConfig,
  ) {}

  @PublicPage()
  @Get('sign-in')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('returnTo') returnTo?: string) {
    const { url, pending } = await this.provider.startSignIn(safeReturnTo(returnTo));
    request.session.pendingSignIn = pending;
    return reply.redirect(url, 303);
  }

  @PublicPage()
  @Get('auth/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const pending = request.session.pendingSignIn;
    if (!pending) return reply.redirect('/sign-in', 303);
    const callbackUrl = new URL(request.url, this.config.WEB_BASE_URL);
    let person;
    let tokens;
    try {
      const result = await this.provider.finishSignIn(callbackUrl, pending);
      tokens = result.tokens;
      person = personFromTokens(result.idTokenClaims, tokens.accessToken, this.tenants);
    } catch (error) {
      this.logger.warn(`sign-in refused: ${(error as Error).message}`);
      request.session.pendingSignIn = undefined;
      return reply.status(400).view('pages/sign-in-failed.njk', { reason: reasonFor(callbackUrl) });
    }
    // A new session id once signed in, so an id planted before sign-in is worth nothing (session fixation).
    await request.session.regenerate();
    request.session.person = person;
    request.session.tokens = tokens;
    this.logger.log(`${person.personId} of ${person.agencyId} signed in`);
    return reply.redirect(pending.returnTo, 303);
  }

  @Post('sign-out')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const idToken = request.session.tokens?.idToken;
    await request.session.destroy();
    return reply.redirect(await this.provider.signOutUrl(idToken), 303);
  }

  @PublicPage()
  @Get('signed-out')
  @Render('pages/signed-out.njk')
  signedOut() {
    return {};
  }
}

function reasonFor(callbackUrl: URL): string {
  if (callbackUrl.searchParams.get('error') === 'access_denied') return 'Signing in was cancelled.';
  return 'The sign-in did not complete, or took too long. Nothing has been changed.';
}
