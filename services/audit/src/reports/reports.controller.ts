import { Controller, Get, Inject, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, hasRole, Roles, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import {
  ApiProblems,
  ApiSuccess,
  ApiTag,
  flatten,
  Origin,
  ProblemException,
  toCsv,
  type RequestOrigin,
} from '@baton/http-api';
import { TenantDirectory } from '@baton/tenancy';
import { annexAList1, annexAList2, annexAList3, type AnnexANames } from '../domain/reports/annex-a.js';
import { eventsOfAgency, factsOfAgency, foldCaseFacts } from '../domain/reports/case-facts.js';
import { CIN_CENSUS_COLUMNS, cinCensusReferrals } from '../domain/reports/cin-census.js';
import { enforcementCases } from '../domain/reports/enforcement-evidence.js';
import { reportCard } from '../domain/reports/report-card.js';
import { waitingTimes } from '../domain/reports/waiting-times.js';
import { ReportData } from './report-data.js';
import { lookbackOf, periodOf, ReportQueryDto } from './report-query.dto.js';
import {
  AnnexAListView,
  CinCensusView,
  EnforcementEvidenceView,
  PastDeadlineView,
  ReportCardView,
  WaitingTimesView,
} from './reports.responses.js';

export const PARENTING_BASE_URL = Symbol('PARENTING_BASE_URL');

type Sources = readonly { id: string; familyId: string }[];

@ApiTag('reports', 'Statutory and management reports from the ledger')
@ApiBearerAuth()
@Roles('manager', 'auditor')
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly data: ReportData,
    private readonly tenants: TenantDirectory,
    private readonly access: AccessRecorder,
    private readonly clock: Clock,
    @Inject(PARENTING_BASE_URL) private readonly parentingBaseUrl: string,
  ) {}

  @Get('waiting-times')
  @ApiOperation({ summary: 'Receipt → decision → plan: median and 90th percentile; referrals past their deadline' })
  @ApiSuccess(200, {
    description: 'The figures (as CSV: one measure,value row per figure)',
    type: WaitingTimesView,
    csv: true,
  })
  @ApiProblems(403, 422)
  async waitingTimes(
    @CurrentCaller() caller: Caller,
    @Query() q: ReportQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.waitingTimesFor(caller, q);
    const listed = [...report.awaitingPastDeadline, ...report.decidedPastDeadline];
    await this.record(
      caller,
      origin,
      'referral',
      'waiting-times report',
      listed.map((r) => ({ id: r.referralId, familyId: r.familyId })),
    );
    if (q.format !== 'csv') return report;
    const { awaitingPastDeadline: _a, decidedPastDeadline: _d, ...figures } = report;
    return this.csv(reply, 'waiting-times', measuresCsv(figures));
  }

  @Get('waiting-times/past-deadline')
  @ApiOperation({
    summary: 'Referrals of the period past their decision deadline: awaiting a decision, or decided late',
  })
  @ApiSuccess(200, {
    description: 'The referrals past their deadline (as CSV: one row each)',
    type: PastDeadlineView,
    csv: true,
  })
  @ApiProblems(403, 422)
  async pastDeadline(
    @CurrentCaller() caller: Caller,
    @Query() q: ReportQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.waitingTimesFor(caller, q);
    const rows = [
      ...report.awaitingPastDeadline.map((r) => ({ ...r, status: 'awaiting decision' })),
      ...report.decidedPastDeadline.map((r) => ({ ...r, status: 'decided late' })),
    ];
    await this.record(
      caller,
      origin,
      'referral',
      'referrals past their deadline',
      rows.map((r) => ({ id: r.referralId, familyId: r.familyId })),
    );
    if (q.format === 'csv') return this.csv(reply, 'past-deadline', toCsv(PAST_DEADLINE_COLUMNS, rows));
    return { period: report.period, asOf: report.asOf, items: rows };
  }

  @Get('report-card')
  @ApiOperation({ summary: 'Outcomes-based accountability: how much, how well, is anyone better off' })
  @ApiSuccess(200, {
    description: 'The report card (as CSV: one measure,value row per figure)',
    type: ReportCardView,
    csv: true,
  })
  @ApiProblems(403, 422)
  async reportCard(
    @CurrentCaller() caller: Caller,
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const period = periodOf(q);
    const events = await this.data.events(caller.tenant, lookbackOf(period));
    const facts = foldCaseFacts(events);
    const scope = this.scopeOf(caller);
    let card;
    if (scope === 'authority') card = reportCard(facts, events, period);
    else {
      const own = factsOfAgency(facts, scope.agencyId);
      card = reportCard(own, eventsOfAgency(events, own, scope.agencyId), period);
    }
    if (q.format !== 'csv') return card;
    return this.csv(reply, 'report-card', measuresCsv(card));
  }

  @Get('annex-a/:list')
  @ApiOperation({ summary: 'Ofsted ILACS Annex A list 1 (contacts), 2 (early help) or 3 (referrals) for a window' })
  @ApiSuccess(200, { description: 'The list (as CSV: the template’s columns)', type: AnnexAListView, csv: true })
  @ApiProblems(403, 404, 422)
  async annexA(
    @CurrentCaller() caller: Caller,
    @Param('list', ParseIntPipe) list: number,
    @Query() q: ReportQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (![1, 2, 3].includes(list)) {
      throw ProblemException.of(404, 'not-found', 'Not found', 'Annex A lists 1, 2 and 3 are produced here');
    }
    this.requireAuthorityScope(caller, `Annex A list ${list}`);
    const period = periodOf(q);
    const facts = foldCaseFacts(await this.data.events(caller.tenant, lookbackOf(period)));
    const names = this.namesFor(caller.tenant);
    const extract =
      list === 1
        ? annexAList1(facts, period)
        : list === 2
          ? annexAList2(facts, period, names)
          : annexAList3(facts, period, names);
    await this.record(caller, origin, list === 2 ? 'plan' : 'referral', `Ofsted Annex A list ${list}`, extract.sources);
    if (q.format === 'csv') return this.csv(reply, `annex-a-list-${list}`, toCsv(extract.columns, extract.rows));
    return {
      list: extract.list,
      title: extract.title,
      period: { from: q.from, to: q.to },
      columns: extract.columns,
      rows: extract.rows,
    };
  }

  @Get('cin-census/referrals')
  @ApiOperation({
    summary: 'CIN census referral items (referral date, source, NFA, closure date and reason incl. RC9)',
  })
  @ApiSuccess(200, { description: 'The referral items (as CSV: the census columns)', type: CinCensusView, csv: true })
  @ApiProblems(403, 422)
  async cinCensus(
    @CurrentCaller() caller: Caller,
    @Query() q: ReportQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.requireAuthorityScope(caller, 'The CIN census return');
    const period = periodOf(q);
    const facts = foldCaseFacts(await this.data.events(caller.tenant, lookbackOf(period)));
    const { rows, sources } = cinCensusReferrals(facts, period, this.namesFor(caller.tenant));
    await this.record(caller, origin, 'referral', 'CIN census return', sources);
    if (q.format === 'csv') return this.csv(reply, 'cin-census-referrals', toCsv(CIN_CENSUS_COLUMNS, rows));
    return { period: { from: q.from, to: q.to }, columns: CIN_CENSUS_COLUMNS, rows };
  }

  @Get('parenting-enforcement')
  @ApiOperation({ summary: "Each order breach's enforcement with its ledger evidence, linked to parenting's reports" })
  @ApiSuccess(200, {
    description: 'Each case with its evidence (as CSV: one row each, evidence as seq:hash)',
    type: EnforcementEvidenceView,
    csv: true,
  })
  @ApiProblems(403, 422)
  async parentingEnforcement(
    @CurrentCaller() caller: Caller,
    @Query() q: ReportQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const period = periodOf(q);
    // As parenting's own exceptions list: a manager sees their agency's orders, an auditor every order.
    const cases = enforcementCases(await this.data.events(caller.tenant, lookbackOf(period)), period).filter(
      (c) => hasRole(caller, 'auditor') || c.holdingAgencyId === caller.agencyId,
    );
    await this.record(
      caller,
      origin,
      'order',
      'parenting enforcement evidence',
      cases.map((c) => ({ id: c.orderId, familyId: c.familyId })),
    );
    const range = `from=${q.from}&to=${q.to}`;
    const links = {
      consistency: `${this.parentingBaseUrl}/v1/audit/consistency?${range}`,
      exceptions: `${this.parentingBaseUrl}/v1/audit/exceptions`,
    };
    if (q.format === 'csv') {
      const rows = cases.map(({ evidence, ...c }) => ({
        ...c,
        evidence: evidence.map((e) => `${e.seq}:${e.hash}`).join(' '),
      }));
      const columns = [
        'enforcementId',
        'orderId',
        'familyId',
        'holdingAgencyId',
        'holdingAgencyKind',
        'breachOn',
        'contactDueAt',
        'parentContactedAt',
        'decision',
        'decidedAt',
        'workingDaysFromBreach',
        'takesEffect',
        'awaitingApproval',
        'decidedWithoutContact',
        'undecided',
        'evidence',
      ];
      return this.csv(reply, 'parenting-enforcement', toCsv(columns, rows));
    }
    const withTimeline = cases.map((c) => ({
      ...c,
      timeline: `${this.parentingBaseUrl}/v1/orders/${c.orderId}/timeline`,
    }));
    return { period: { from: q.from, to: q.to }, links, cases: withTimeline };
  }

  private async waitingTimesFor(caller: Caller, q: ReportQueryDto) {
    const period = periodOf(q);
    const facts = foldCaseFacts(await this.data.events(caller.tenant, lookbackOf(period)));
    const scope = this.scopeOf(caller);
    return waitingTimes(scope === 'authority' ? facts : factsOfAgency(facts, scope.agencyId), period, this.clock.now());
  }

  /**
   * Whose records a report may list, as for the records themselves (README: Access model): the auditor and the
   * front door's managers the whole authority's; any other manager their own agency's.
   */
  private scopeOf(caller: Caller): 'authority' | { agencyId: string } {
    if (hasRole(caller, 'auditor')) return 'authority';
    const frontDoor = this.tenants.tenant(caller.tenant)?.referralFrontDoorAgencyId;
    return caller.agencyId === frontDoor ? 'authority' : { agencyId: caller.agencyId };
  }

  /** The statutory returns (Annex A, CIN census) list every family of the authority: its front door and auditors. */
  private requireAuthorityScope(caller: Caller, report: string): void {
    if (this.scopeOf(caller) === 'authority') return;
    throw ProblemException.of(403, 'authority-reports-only', 'Forbidden', `${report} covers the whole authority`, {
      errors: [
        {
          field: 'caller',
          rule: 'isFrontDoorManagerOrAuditor',
          message: `${report} is for the front door's managers and auditors`,
        },
      ],
    });
  }

  private namesFor(tenant: string): AnnexANames {
    return {
      teamName: (id) => this.tenants.team(tenant, id)?.name,
      agencyName: (id) => this.tenants.agency(tenant, id)?.name,
      isChildrensSocialCare: (id) => this.tenants.agency(tenant, id)?.kind === 'childrens-social-care',
    };
  }

  private record(
    caller: Caller,
    origin: RequestOrigin,
    recordType: string,
    purpose: string,
    records: Sources,
  ): Promise<void> {
    const unique = [...new Map(records.map((r) => [r.id, r])).values()];
    return this.access.record(caller, origin, { action: 'list', recordType, purpose, records: unique });
  }

  private csv(reply: FastifyReply, name: string, body: string): string {
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`);
    return body;
  }
}

const PAST_DEADLINE_COLUMNS = [
  'referralId',
  'familyId',
  'receivingAgencyId',
  'receivedAt',
  'decisionDueAt',
  'decidedAt',
  'hoursOverdue',
  'status',
];

/** A report of figures as CSV: one `measure,value` row per figure, nested names joined with dots. */
function measuresCsv(report: object): string {
  const flat = flatten(report as Record<string, unknown>);
  return toCsv(
    ['measure', 'value'],
    Object.entries(flat).map(([measure, value]) => ({ measure, value })),
  );
}
