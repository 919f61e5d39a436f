import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiProblems,
  ApiSuccess,
  ApiTag,
  Origin,
  type Page,
  ProblemException,
  type RequestOrigin,
} from '@baton/http-api';
import type { AgencyFamilySummary, AgencyFamilyView } from '../domain/agency-view.js';
import { Freshness } from '../live/freshness.js';
import { FreshnessQueryDto } from './dto/freshness.query.dto.js';
import { ListFamiliesQueryDto } from './dto/list-families.query.dto.js';
import { FamilyQueries } from './family-queries.js';
import { AgencyFamilyPage, AgencyFamilyView as AgencyFamilyViewSchema } from './family.responses.js';

/** The header on every answer saying which stream position the views had applied when it was read. */
export const POSITION_HEADER = 'baton-position';

@ApiTag('families', "Each agency's coordinated view of the families it works with, and its live changes")
@ApiBearerAuth()
@Roles('practitioner', 'triager', 'manager')
@Controller('v1/families')
export class FamilyController {
  constructor(
    private readonly queries: FamilyQueries,
    private readonly freshness: Freshness,
    private readonly access: AccessRecorder,
  ) {}

  @Get()
  @ApiOperation({ summary: "My agency's families: filters, name or date-of-birth search, cursor pages" })
  @ApiSuccess(200, { description: 'A page of families', type: AgencyFamilyPage, headers: ['Baton-Position'] })
  @ApiProblems(403, 503)
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListFamiliesQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<AgencyFamilySummary>> {
    const position = await this.freshness.require(query);
    const page = await this.queries.list(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'family-view',
      purpose: "my agency's families",
      records: page.items.map((f) => ({ id: f.familyId, familyId: f.familyId })),
    });
    void reply.header(POSITION_HEADER, String(position));
    return page;
  }

  @Get(':familyId')
  @ApiOperation({ summary: "One family's coordinated view, as my agency may see it" })
  @ApiSuccess(200, {
    description: 'The family, as my agency may see it',
    type: AgencyFamilyViewSchema,
    headers: ['Baton-Position'],
  })
  @ApiProblems(403, 404, 503)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('familyId') familyId: string,
    @Query() query: FreshnessQueryDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgencyFamilyView> {
    if (!isUUID(familyId, 'all')) {
      throw ProblemException.of(400, 'validation', 'The request is not valid', 'familyId must be a UUID', {
        errors: [{ field: 'familyId', rule: 'isUuid', message: 'familyId must be a UUID' }],
      });
    }
    const position = await this.freshness.require(query);
    const view = await this.queries.get(caller, familyId);
    await this.access.record(caller, origin, {
      action: 'read',
      recordType: 'family-view',
      purpose: 'coordinated view of a family my agency works with',
      records: [{ id: familyId, familyId }],
    });
    void reply.header(POSITION_HEADER, String(position));
    return view;
  }
}
