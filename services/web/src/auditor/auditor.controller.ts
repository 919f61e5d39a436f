import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Render, Req, Res } from '@nestjs/common';
import { TZDate } from '@date-fns/tz';
import { addDays, format, subYears } from 'date-fns';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import { dateTime, longDate } from '../layout/dates.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { AuditApi } from './audit.api.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTIONS: Record<string, string> = { read: 'Read', list: 'Listed', share: 'Shared', export: 'Exported' };

/** What each kind of first broken link means, in plain words. */
const BROKEN_LINKS: Record<string, string> = {
  'content-altered': 'an entry was changed after it was written',
  'sequence-gap': 'an entry was deleted or inserted',
  'previous-hash-mismatch': 'entries were reordered',
  'checkpoint-mismatch': 'the chain was rewritten after a signed checkpoint',
  truncated: 'entries were cut from the end',
  'head-mismatch': 'the stored head does not match the chain',
  'checkpoint-signature-invalid': 'a checkpoint’s signature is not valid',
  'index-mismatch': 'a lookup column was changed without its entry',
};

/** The authority's auditor: who accessed a family and why, and proof the ledger has not been altered. */
@Controller('audit')
export class AuditorController {
  constructor(
    private readonly audit: AuditApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('auditor/start.njk')
  start() {
    const period = lastTwelveMonths();
    return {
      pageTitle: 'Audit',
      values: {},
      period: { from: longDate(period.from), to: longDate(period.to) },
      ...formErrors(),
    };
  }

  /** The family's reference from the form, as the access log's address (a filter that survives Back). */
  @Get('families')
  async find(@Res() reply: FastifyReply, @Query('familyId') familyId?: string) {
    const id = (familyId ?? '').trim();
    if (!UUID.test(id)) {
      return reply.status(400).view('auditor/start.njk', {
        pageTitle: 'Error: Audit',
        values: { familyId: id },
        ...formErrors([
          { field: 'familyId', text: 'Enter the family’s reference, like 5b0c9a57-1d7e-4f0e-9a41-0f3c2a4b7e11' },
        ]),
      });
    }
    return reply.redirect(`/audit/families/${id}/accesses`, 303);
  }

  @Get('families/:familyId/accesses')
  @Render('auditor/accesses.njk')
  async accesses(
    @Req() request: FastifyRequest,
    @Param('familyId', new ParseUUIDPipe()) familyId: string,
    @Query('cursor') cursor?: string,
  ) {
    const person = request.session.person!;
    const page = await this.audit.familyAccesses(await this.callers.forRequest(request), familyId, cursor);
    return {
      pageTitle: 'Who accessed this family’s records',
      familyId,
      rows: page.items.map((a) => ({
        when: dateTime(a.accessedAt),
        at: a.accessedAt,
        who: `${a.who.name}, ${this.tenants.agency(person.tenant, a.who.agencyId)?.name ?? a.who.agencyId}`,
        what: `${ACTIONS[a.what.action] ?? a.what.action} ${a.what.recordType.replace(/-/g, ' ')} (${a.what.service})`,
        why: [a.why.purpose, a.why.lawfulBasis ? `lawful basis: ${a.why.lawfulBasis}` : undefined]
          .filter(Boolean)
          .join('; '),
        from: a.from.ip ?? '',
      })),
      nextHref: page.nextCursor
        ? `/audit/families/${familyId}/accesses?cursor=${encodeURIComponent(page.nextCursor)}`
        : undefined,
      older: cursor !== undefined,
    };
  }

  /** A plain link for inspectors' lists: `?from=&to=` (calendar dates), by default the last 12 months. */
  @Get('annex-a/:file')
  async annexA(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('file') file: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    const list = Number(/^([123])\.csv$/.exec(file)?.[1]);
    if (list !== 1 && list !== 2 && list !== 3) throw new NotFoundException();
    const period = lastTwelveMonths();
    const csv = await this.audit.annexACsv(
      await this.callers.forRequest(request),
      list,
      from ?? period.from,
      to ?? period.to,
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="annex-a-list-${list}.csv"`)
      .send(csv);
  }

  @Get('ledger')
  @Render('auditor/ledger.njk')
  async ledger(@Req() request: FastifyRequest) {
    const caller = await this.callers.forRequest(request);
    const [report, checkpoints] = await Promise.all([this.audit.verification(caller), this.audit.checkpoints(caller)]);
    return {
      pageTitle: 'Ledger verification',
      ok: report.ok,
      result: report.ok
        ? `The ledger verifies: all ${report.entries} entries link, and ${report.checkpointsChecked} signed checkpoints match.`
        : `The ledger does not verify: the first broken link is entry ${report.firstBroken?.seq ?? '?'}, where ${BROKEN_LINKS[report.firstBroken?.problem ?? ''] ?? report.firstBroken?.problem ?? 'the chain breaks'}.`,
      rows: [
        { key: { text: 'Entries' }, value: { text: String(report.entries) } },
        { key: { text: 'Head hash' }, value: { html: `<code class="baton-hash">${report.headHash}</code>` } },
        { key: { text: 'Checkpoints checked' }, value: { text: String(report.checkpointsChecked) } },
        { key: { text: 'Took' }, value: { text: `${report.durationMs} ms` } },
      ],
      keyId: checkpoints.keyId,
      checkpoints: checkpoints.checkpoints
        .slice(-20)
        .reverse()
        .map((c) =>
          'statement' in c
            ? {
                when: dateTime(c.statement.time),
                at: c.statement.time,
                count: c.statement.count,
                head: c.statement.headHash,
              }
            : { when: 'Unreadable', at: '', count: '', head: `${c.file}: ${c.unreadable}` },
        ),
    };
  }
}

/** The last 12 months to today, as calendar dates in UK time. */
function lastTwelveMonths(): { from: string; to: string } {
  const today = format(new TZDate(new Date(), 'Europe/London'), 'yyyy-MM-dd');
  return { from: format(addDays(subYears(new Date(`${today}T12:00:00Z`), 1), 1), 'yyyy-MM-dd'), to: today };
}
