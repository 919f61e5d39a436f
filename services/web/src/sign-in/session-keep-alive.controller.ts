import { Controller, Get, HttpCode, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The time-out warning's "Stay signed in": the session's idle clock starts again (the cookie is rolling). */
@Controller('session')
export class SessionKeepAliveController {
  @Get('keep-alive')
  @HttpCode(204)
  keepAlive(@Req() request: FastifyRequest): void {
    request.session.touch();
  }
}
