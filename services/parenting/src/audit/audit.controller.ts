import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { ApiProblems, ApiSuccess, ApiTag, Origin, ProblemException, toCsv, type RequestOrigin } from '@baton/http-api';
import { OrderLoader } from '../order/order.loader.js';
import { ConsistencyQueries } from './consistency.queries.js';
import { ConsistencyQueryDto, ExceptionsQueryDto } from './dto/audit-query.dto.js';
import { ExceptionQueries, type AuditException } from './exception.queries.js';
import { AuditExceptionPage, ConsistencyReportView, OrderTimelineView } from '../parenting.responses.js';

const EXCEPTION_COLUMNS: (keyof AuditException)[] = [
  'kind',
  'orderId',
  'familyId',
  'enforcementId',
  'holdingAgencyId',
  'responsibleOfficerPersonId',
  'since',
  'detail',
];

/** What managers audit: each order's timeline, the exceptions, and consistency across holding agencies. */
@ApiTag('manager audit', 'Managers’ audit of parenting cases')
@ApiBearerAuth()
@Controller('v1')
export class AuditController {
  constructor(
    private readonly exceptions: ExceptionQueries,
    private readonly consistency: ConsistencyQueries,
    private readonly orders: OrderLoader,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  @Get('orders/:id/timeline')
  @ApiOperation({ summary: "An order's complete chronology: requirements, sessions, compliance, enforcement, court" })
  @ApiSuccess(200, { description: 'The chronology, oldest first', type: OrderTimelineView })
  @ApiProblems(403, 404)
  async timeline(@CurrentCaller() caller: Caller, @Param('id') id: string, @Origin() origin: RequestOrigin) {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.orders.forHolder(manager, caller, id);
      const entries: { at: Date; what: string; actor: object; detail: object }[] = await manager.query(
        'SELECT at, what, actor, detail FROM order_history WHERE order_id = $1 ORDER BY id',
        [order.id],
      );
      await this.access.record(
        caller,
        origin,
        {
          action: 'read',
          recordType: 'order-timeline',
          records: [{ id: order.id, familyId: order.familyId }],
          purpose: 'manager audit of an order',
        },
        manager,
      );
      return {
        orderId: order.id,
        familyId: order.familyId,
        state: order.state,
        entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      };
    });
  }

  @Get('audit/exceptions')
  @Roles('manager', 'auditor')
  @ApiSuccess(200, {
    description: 'A page of exceptions (as CSV: one row each, the next page in a Link header)',
    type: AuditExceptionPage,
    headers: ['Link'],
    csv: true,
  })
  @ApiProblems(403, 422)
  @ApiOperation({
    summary:
      'Breaches with no timely contact or no decision, unapproved prosecutions, orders past end, long programmes',
    description:
      'Kinds: no-contact-within-deadline (the deadline runs from the breach; a breach recorded late says so), ' +
      'no-decision, prosecution-awaiting-approval, decided-without-contact, past-end-still-open, ' +
      'programme-beyond-3-months.',
  })
  async listExceptions(
    @CurrentCaller() caller: Caller,
    @Query() query: ExceptionsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const csv = query.format === 'csv' || (query.format === undefined && (accept ?? '').includes('text/csv'));
    const now = this.clock.now();
    const page = await this.exceptions.list(
      caller.tenant,
      this.scopeOf(caller, query.agencyId),
      query.kind,
      now,
      this.calendar.localDate(now),
      { limit: query.limit ?? (csv ? 1000 : 200), cursor: query.cursor },
    );
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'order',
      purpose: 'manager audit: enforcement exceptions',
      records: page.items.map((e) => ({ id: e.orderId, familyId: e.familyId })),
    });
    if (!csv) return page;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    if (page.nextCursor) {
      const params = { ...query, format: 'csv', cursor: page.nextCursor };
      const next = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
      void reply.header('link', `</v1/audit/exceptions?${next.toString()}>; rel="next"`);
    }
    return toCsv(EXCEPTION_COLUMNS, page.items);
  }

  @Get('audit/consistency')
  @Roles('manager', 'auditor')
  @ApiOperation({
    summary: 'Per holding agency, for a date range: orders, breaches, how they ended, median working days to decision',
    description:
      'A decision counts once it has taken effect: a prosecution referral is awaitingApproval (neither decided ' +
      'nor undecided, not in the prosecution share or the median) until approved, and undecided again if rejected.',
  })
  @ApiSuccess(200, { description: 'The report, one entry per holding agency', type: ConsistencyReportView })
  @ApiProblems(403, 422)
  async consistencyReport(@CurrentCaller() caller: Caller, @Query() query: ConsistencyQueryDto) {
    if (query.to < query.from)
      throw ProblemException.ruleBroken('to', 'onOrAfterFrom', 'the range ends before it starts');
    return {
      from: query.from,
      to: query.to,
      agencies: await this.consistency.report(caller.tenant, query.from, query.to),
    };
  }

  /** A manager audits their own agency's orders; an auditor any agency of the authority, or all. */
  private scopeOf(caller: Caller, agencyId: string | undefined): string | null {
    if (caller.roles.includes('auditor')) return agencyId ?? null;
    if (agencyId !== undefined && agencyId !== caller.agencyId) {
      throw ProblemException.ruleBroken('agencyId', 'ownAgencyOnly', 'a manager audits their own agency');
    }
    return caller.agencyId;
  }
}
