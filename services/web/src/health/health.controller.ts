import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublicPage } from '../sign-in/public.decorator.js';
import { SessionDatabase } from './session-database.js';

/** Liveness and readiness as every Baton service answers them; ready needs the session database. */
@Controller('health')
export class HealthController {
  constructor(private readonly sessions: SessionDatabase) {}

  @PublicPage()
  @Get('live')
  @Header('content-type', 'application/json')
  live() {
    return { status: 'ok' };
  }

  @PublicPage()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.sessions.check();
      return { status: 'ok', info: { database: { status: 'up' } } };
    } catch (error) {
      reply.status(503);
      return { status: 'error', error: { database: { status: 'down', message: (error as Error).message } } };
    }
  }
}
