import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { ApiProblems, ApiSuccess, ApiTag, Origin, type RequestOrigin } from '@baton/http-api';
import { BreakGlassQueryDto, PageQueryDto } from './oversight-query.dto.js';
import { OversightQueries } from './oversight-queries.js';
import { AccessPage, RecordHistoryView, SubjectAccessExportView } from './oversight.responses.js';

const DEFAULT_LIMIT = 50;

/**
 * What managers and data-protection officers ask of the ledger. Every answer names families, so every answer
 * is itself recorded as an access (and so lands in the ledger it came from).
 */
@ApiTag('oversight', 'Who looked at or changed a family’s records, for auditors and managers')
@ApiBearerAuth()
@Roles('auditor', 'manager')
@Controller('v1/audit')
export class OversightController {
  constructor(
    private readonly queries: OversightQueries,
    private readonly access: AccessRecorder,
    private readonly clock: Clock,
  ) {}

  @Get('families/:familyId/accesses')
  @ApiOperation({ summary: "Who accessed this family's records, when, from where and why (newest first)" })
  @ApiSuccess(200, { description: 'A page of accesses, newest first', type: AccessPage })
  @ApiProblems(403, 404)
  async familyAccesses(
    @CurrentCaller() caller: Caller,
    @Param('familyId', new ParseUUIDPipe({ version: 'all' })) familyId: string,
    @Query() q: PageQueryDto,
    @Origin() origin: RequestOrigin,
  ) {
    const page = await this.queries.familyAccesses(caller, familyId, {
      cursor: q.cursor,
      limit: q.limit ?? DEFAULT_LIMIT,
    });
    await this.record(caller, origin, 'family-access-log', [{ id: familyId, familyId }], 'who accessed the family');
    return page;
  }

  @Get('records/:recordId/history')
  @ApiOperation({ summary: 'Everything done to one referral, plan, order or contract, and every access to it' })
  @ApiSuccess(200, { description: "The record's ledger entries, oldest first", type: RecordHistoryView })
  @ApiProblems(403, 404)
  async recordHistory(
    @CurrentCaller() caller: Caller,
    @Param('recordId') recordId: string,
    @Origin() origin: RequestOrigin,
  ) {
    const entries = await this.queries.recordHistory(caller, recordId);
    const families = [...new Set(entries.flatMap((e) => e.familyIds))];
    await this.record(
      caller,
      origin,
      'record-history',
      families.map((familyId) => ({ id: recordId, familyId })),
      'record history',
    );
    return { recordId, entries };
  }

  @Get('break-glass')
  @ApiOperation({
    summary: 'Accesses that relied on a lawful basis (safeguarding override, break-glass), newest first',
  })
  @ApiSuccess(200, { description: 'A page of accesses, newest first', type: AccessPage })
  @ApiProblems(403)
  async breakGlass(@CurrentCaller() caller: Caller, @Query() q: BreakGlassQueryDto, @Origin() origin: RequestOrigin) {
    const page = await this.queries.breakGlass(caller, { ...q, limit: q.limit ?? DEFAULT_LIMIT });
    const records = page.items.flatMap((a) => a.familyIds.map((familyId) => ({ id: a.eventId, familyId })));
    await this.record(caller, origin, 'access-record', records, 'break-glass review');
    return page;
  }

  @Get('subjects/:personId/export')
  @Roles('auditor')
  @ApiOperation({ summary: 'Subject access: everything held about one person, with parts marked for redaction review' })
  @ApiSuccess(200, { description: 'The export, each record with its redaction marks', type: SubjectAccessExportView })
  @ApiProblems(403, 404)
  async subjectAccess(
    @CurrentCaller() caller: Caller,
    @Param('personId') personId: string,
    @Origin() origin: RequestOrigin,
  ) {
    const found = await this.queries.subjectAccessExport(caller, personId, this.clock.now());
    const records = found.familyIds.map((familyId) => ({ id: personId, familyId }));
    await this.record(caller, origin, 'subject-access-export', records, 'subject access request', 'UK GDPR art. 15');
    return found;
  }

  private record(
    caller: Caller,
    origin: RequestOrigin,
    recordType: string,
    records: { id: string; familyId: string }[],
    purpose: string,
    lawfulBasis?: string,
  ): Promise<void> {
    return this.access.record(caller, origin, { action: 'read', recordType, records, purpose, lawfulBasis });
  }
}
