import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_PAGE } from './public.decorator.js';
import { SignInRequired } from './sign-in-required.js';

/** Every page needs a signed-in person unless it is marked {@link PublicPage}. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_PAGE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.session.person && request.session.tokens) return true;
    throw new SignInRequired(request.method === 'GET' ? request.url : '/');
  }
}
