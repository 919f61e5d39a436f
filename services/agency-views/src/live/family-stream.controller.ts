import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag, Origin, ProblemException, type RequestOrigin } from '@baton/http-api';
import { summaryOf } from '../domain/agency-view.js';
import { FamilyQueries } from '../family/family-queries.js';
import type { ViewChangeMessage } from './view-change-message.js';
import { ViewChanges } from './view-changes.js';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events: each change to the caller's agency's view of its families, once committed, so an open
 * screen updates itself. Events: `position` (on connect: the position applied), `family-changed` (the family's
 * summary as the list shows it), `family-removed` (the agency is no longer involved), `rebuilt` (reload all),
 * and `missed-changes` (reload all: a screen reconnecting with `Last-Event-ID` may have missed changes to its
 * agency's families while it was away). The SSE `id` is the stream position the change reflects.
 */
@ApiTag('families', "Each agency's coordinated view of the families it works with, and its live changes")
@ApiBearerAuth()
@Roles('practitioner', 'triager', 'manager')
@Controller('v1/families')
export class FamilyStreamController {
  private readonly logger = new Logger(FamilyStreamController.name);

  constructor(
    private readonly changes: ViewChanges,
    private readonly queries: FamilyQueries,
    private readonly access: AccessRecorder,
  ) {}

  @Get('changes')
  @ApiOperation({ summary: "Live changes to my agency's families (text/event-stream)" })
  @ApiProduces('text/event-stream')
  @ApiSuccess(200, {
    description:
      'Server-sent events: `position` first, then `family-changed` (id: the stream position) and `missed-changes`',
    contentType: 'text/event-stream',
  })
  @ApiProblems(403)
  stream(
    @CurrentCaller() caller: Caller,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const position = this.changes.knownPosition();
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown, id?: number | null) =>
      raw.write(`${id != null ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('position', { position }, position);
    const lastEventId = request.headers['last-event-id'];
    if (lastEventId !== undefined) {
      // A browser reconnecting an EventSource sends the last id it saw: changes sent while it was away are lost.
      const seen = Array.isArray(lastEventId) ? lastEventId[0] : lastEventId;
      const lastSeen = /^\d+$/.test(seen) ? Number(seen) : -1;
      if (this.changes.mayHaveMissed(caller.tenant, caller.agencyId, lastSeen)) {
        send('missed-changes', { lastEventId: seen, position }, position);
      }
    }
    // One change at a time, in the order heard, so a screen never sees an older summary after a newer one.
    let queue = Promise.resolve();
    const unsubscribe = this.changes.subscribe((message) => {
      queue = queue
        .then(() => this.forward(caller, origin, message, send))
        .catch((e: Error) => this.logger.error(`Live stream for ${caller.agencyId} failed: ${e.message}`));
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  private async forward(
    caller: Caller,
    origin: RequestOrigin,
    message: ViewChangeMessage,
    send: (event: string, data: unknown, id?: number | null) => void,
  ): Promise<void> {
    if (message.rebuilt) {
      send('rebuilt', { position: message.position }, message.position);
      return;
    }
    if (message.tenant !== caller.tenant || message.familyId === undefined) return;
    const change = message.agencies?.find((a) => a.agencyId === caller.agencyId);
    if (change === undefined) return;
    const familyId = message.familyId;
    if (change.change === 'removed') {
      send('family-removed', { familyId, position: message.position }, message.position);
      return;
    }
    try {
      const summary = summaryOf(await this.queries.get(caller, familyId));
      await this.access.record(caller, origin, {
        action: 'list',
        recordType: 'family-view',
        purpose: "live view of my agency's families",
        records: [{ id: familyId, familyId }],
      });
      send('family-changed', summary, message.position);
    } catch (e) {
      // A later change already took the family away from this agency; its own message says so next.
      if (!(e instanceof ProblemException && e.problem.status === 404)) throw e;
    }
  }
}
