import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from './error-pages.js';

/** Turns anything a page throws into one of the error pages (errors/error-pages.ts). */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    await sendErrorPage(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
