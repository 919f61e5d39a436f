import { Controller, Get, Query, Render, Req, Res } from '@nestjs/common';
import { TZDate } from '@date-fns/tz';
import { addDays, endOfMonth, format, startOfMonth, subMonths, subYears } from 'date-fns';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import type { FormError } from '../errors/field-errors.js';
import { formErrors } from '../errors/form-page.js';
import { deadline } from '../layout/dates.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { dateField, dateParts, type Form } from '../officer/form-values.js';
import { EXCEPTION_KINDS, wordFor } from '../officer/order-words.js';
import { ParentingApi } from '../officer/parenting.api.js';
import { AuditApi } from '../auditor/audit.api.js';
import { renderChart } from './charts.js';
import {
  anyFigures,
  pastDeadlineRows,
  waitAlt,
  waitSpec,
  waitTable,
  type MonthFigures,
} from './waiting-times.view-model.js';
import {
  consistencyTable,
  medianDaysAlt,
  medianDaysSpec,
  outcomeSharesAlt,
  outcomeSharesSpec,
  periodWords,
  type ConsistencyFigures,
} from './consistency.view-model.js';

/** The manager's oversight of parenting enforcement: counts, the exceptions, and consistency across agencies. */
@Controller('manager')
export class ManagerController {
  constructor(
    private readonly parenting: ParentingApi,
    private readonly audit: AuditApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('manager/dashboard.njk')
  async dashboard(@Req() request: FastifyRequest) {
    const exceptions = await this.parenting.exceptions(await this.callers.forRequest(request));
    return {
      pageTitle: 'Manager dashboard',
      counts: Object.entries(EXCEPTION_KINDS).map(([kind, words]) => ({
        kind,
        words,
        count: exceptions.filter((e) => e.kind === kind).length,
        href: `/manager/exceptions?kind=${kind}`,
      })),
    };
  }

  @Get('exceptions')
  @Render('manager/exceptions.njk')
  async exceptions(@Req() request: FastifyRequest, @Query('kind') kind?: string) {
    const chosen = kind && kind in EXCEPTION_KINDS ? kind : undefined;
    const person = request.session.person!;
    const items = await this.parenting.exceptions(await this.callers.forRequest(request), chosen);
    return {
      pageTitle: chosen ? `Parenting exceptions: ${EXCEPTION_KINDS[chosen]}` : 'Parenting exceptions',
      kinds: [
        { value: '', text: 'Every kind' },
        ...Object.entries(EXCEPTION_KINDS).map(([value, text]) => ({ value, text, selected: value === chosen })),
      ],
      csvHref: `/manager/exceptions.csv${chosen ? `?kind=${chosen}` : ''}`,
      rows: items.map((e) => ({
        kind: wordFor(EXCEPTION_KINDS, e.kind),
        since: deadline(e.since),
        detail: e.detail,
        officer: this.tenants.person(person.tenant, e.responsibleOfficerPersonId)?.name ?? e.responsibleOfficerPersonId,
        href: `/orders/${e.orderId}${e.enforcementId ? `#case-${e.enforcementId}` : ''}`,
      })),
    };
  }

  /** A plain link: the parenting service's own CSV (its one writer, formula-safe), as a download. */
  @Get('exceptions.csv')
  async exceptionsCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('kind') kind?: string) {
    const chosen = kind && kind in EXCEPTION_KINDS ? kind : undefined;
    const csv = await this.parenting.exceptionsCsv(await this.callers.forRequest(request), chosen);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="parenting-exceptions${chosen ? `-${chosen}` : ''}.csv"`)
      .send(csv);
  }

  @Get('consistency')
  @Render('manager/consistency.njk')
  async consistency(@Req() request: FastifyRequest, @Query() query: Form) {
    const errors: FormError[] = [];
    const today = format(new TZDate(new Date(), 'Europe/London'), 'yyyy-MM-dd');
    const asked = Object.keys(query).some((k) => k.startsWith('from-') || k.startsWith('to-'));
    let from = format(addDays(subYears(new Date(`${today}T12:00:00Z`), 1), 1), 'yyyy-MM-dd');
    let to = today;
    if (asked) {
      from = dateField(query, 'from', 'the first day', errors) ?? from;
      to = dateField(query, 'to', 'the last day', errors) ?? to;
      if (errors.length === 0 && to < from)
        errors.push({ field: 'to-day', text: 'The last day must be on or after the first day' });
    }
    const values = asked ? query : { ...dateParts('from', from), ...dateParts('to', to) };
    const base = { pageTitle: 'Enforcement consistency', values, ...formErrors(errors) };
    if (errors.length > 0) return { ...base, pageTitle: 'Error: Enforcement consistency', figures: undefined };
    const person = request.session.person!;
    const agencies = await this.parenting.consistency(await this.callers.forRequest(request), from, to);
    const figures: ConsistencyFigures = {
      from,
      to,
      rows: agencies.map((a) => ({
        ...a,
        agencyName: this.tenants.agency(person.tenant, a.holdingAgencyId)?.name ?? a.holdingAgencyId,
      })),
    };
    const [shares, median] = figures.rows.length
      ? await Promise.all([
          renderChart(outcomeSharesSpec(figures), outcomeSharesAlt(figures)),
          renderChart(medianDaysSpec(figures), medianDaysAlt(figures)),
        ])
      : [undefined, undefined];
    return {
      ...base,
      period: periodWords(figures),
      figures: { shares, median, table: consistencyTable(figures) },
    };
  }

  /** Waiting times month by month over the last six months, as charts beside their table, and the past-deadline list. */
  @Get('waiting-times')
  @Render('manager/waiting-times.njk')
  async waitingTimes(@Req() request: FastifyRequest) {
    const caller = await this.callers.forRequest(request);
    const person = request.session.person!;
    const today = new Date(`${format(new TZDate(new Date(), 'Europe/London'), 'yyyy-MM-dd')}T12:00:00Z`);
    const periods = [5, 4, 3, 2, 1, 0].map((back) => {
      const start = startOfMonth(subMonths(today, back));
      const end = back === 0 ? today : endOfMonth(start);
      return {
        month: format(start, 'MMMM yyyy'),
        short: format(start, 'MMM yyyy'),
        from: format(start, 'yyyy-MM-dd'),
        to: format(end, 'yyyy-MM-dd'),
      };
    });
    const [whole, ...reports] = await Promise.all([
      this.audit.waitingTimes(caller, periods[0]!.from, periods.at(-1)!.to),
      ...periods.map((p) => this.audit.waitingTimes(caller, p.from, p.to)),
    ]);
    const months: MonthFigures[] = periods.map((p, i) => ({ month: p.month, short: p.short, report: reports[i]! }));
    const decision = (r: MonthFigures['report']) => r.receiptToDecisionHours;
    const plan = (r: MonthFigures['report']) => r.receiptToPlanDays;
    const chart = (pick: typeof decision, unit: string, title: string) =>
      anyFigures(months, pick)
        ? renderChart(waitSpec(months, pick, unit, title), waitAlt(months, pick, unit, title))
        : Promise.resolve(undefined);
    const [decisionChart, planChart] = await Promise.all([
      chart(decision, 'hours', 'Referral to decision'),
      chart(plan, 'days', 'Referral to plan'),
    ]);
    return {
      pageTitle: 'Waiting times',
      period: `${periods[0]!.month} to ${periods.at(-1)!.month}`,
      decisionChart,
      planChart,
      table: waitTable(months),
      pastDeadline: pastDeadlineRows(whole!, (id) => this.tenants.agency(person.tenant, id)?.name ?? id),
    };
  }
}
