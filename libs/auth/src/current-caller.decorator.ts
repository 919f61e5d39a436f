import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Caller } from './caller.js';
import type { AuthenticatedRequest } from './bearer-auth.guard.js';

/** The caller BearerAuthGuard authenticated for this request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const { caller } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!caller) {
    throw new Error('@CurrentCaller() needs an authenticated request; it cannot be used on a @Public() route');
  }
  return caller;
});
