import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ProblemException, ApiTag } from '@baton/http-api';
import { DeadLetters, type DeadLetter, type ReplayResult } from '@baton/messaging';
import { DeadLetterQueryDto } from './dto/dead-letter-query.dto.js';

/**
 * Events this service's consumers gave up on (unreadable, breaking their contract, or failing every attempt), for the
 * authority's agency admins to see and, once the cause is fixed, replay. Only events of the caller's own tenant.
 */
@ApiTag('dead-letters', 'Events that could not be handled, kept for operators to see and replay')
@ApiBearerAuth()
@Roles('agency-admin')
@Controller('v1/dead-letters')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOperation({ summary: 'Events the consumers gave up on, oldest first' })
  async list(@CurrentCaller() caller: Caller, @Query() query: DeadLetterQueryDto): Promise<{ items: DeadLetter[] }> {
    const letters = await this.deadLetters.list({ limit: query.limit, after: query.after });
    return { items: letters.filter((l) => tenantOf(l) === caller.tenant) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the consumer again for a dead letter' })
  async replay(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ReplayResult> {
    const letter = /^[0-9]+$/.test(id) ? await this.deadLetters.get(id) : undefined;
    if (letter === undefined || tenantOf(letter) !== caller.tenant)
      throw ProblemException.notFound(`Dead letter ${id}`);
    const result = await this.deadLetters.replay(id);
    if (!result.ok)
      throw ProblemException.of(422, 'replay-failed', 'The dead letter could not be replayed', result.error);
    return result;
  }
}

function tenantOf(letter: DeadLetter): string | undefined {
  const tenant = (letter.envelope as { tenant?: unknown } | null)?.tenant;
  return typeof tenant === 'string' ? tenant : undefined;
}
