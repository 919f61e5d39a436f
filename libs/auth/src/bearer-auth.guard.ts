import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Caller, Role } from './caller.js';
import { bearerChallenge, invalidToken } from './invalid-token.js';
import { IS_PUBLIC } from './public.js';
import { REQUIRED_ROLES, requireRole } from './roles.js';
import { TokenVerifier } from './token-verifier.js';

/** The parts of a Fastify (or Express) request the guard reads and writes. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
}

/** The part of a Fastify (or Express) reply the guard uses to send its challenge. */
interface ChallengeableReply {
  header(name: string, value: string): unknown;
}

/** RFC 6750 s.2.1: "Bearer" (any case), one or more spaces, then a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Default deny: every HTTP route needs a valid bearer token unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Messages arrive over NATS, authenticated by the broker connection; bearer tokens belong to HTTP.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const caller = await this.authenticate(request, http.getResponse<ChallengeableReply>());
    request.caller = caller;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && required.length > 0) requireRole(caller, ...required);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, reply: ChallengeableReply): Promise<Caller> {
    try {
      return await this.verifier.verify(bearerToken(request.headers.authorization));
    } catch (error) {
      if (error instanceof UnauthorizedException) reply.header('WWW-Authenticate', bearerChallenge(error.message));
      throw error;
    }
  }
}

function bearerToken(authorization: string | string[] | undefined): string {
  if (typeof authorization !== 'string' || !/^Bearer(\s|$)/i.test(authorization)) {
    throw invalidToken('missing bearer token');
  }
  const match = BEARER.exec(authorization);
  if (!match) throw invalidToken('malformed bearer token');
  return match[1];
}
