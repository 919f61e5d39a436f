import { Controller, Get, Param, ParseUUIDPipe, Query, Render, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { formErrors } from '../errors/form-page.js';
import { ApiCallers } from '../sign-in/api-callers.js';
import { AgencyViewsApi } from './agency-views.api.js';
import {
  familiesPage,
  familyPage,
  familyQuery,
  familyTimelinePage,
  type FamilyFilters,
} from './families.view-model.js';
import { FamilyTimelineApi } from './family-timeline.api.js';
import { FamilyParentingApi } from './parenting.api.js';
import { parentingSection } from './parenting.view-model.js';

/** The families my agency is involved with (the agency's live view), found by name and child's date of birth. */
@Controller('families')
export class FamiliesController {
  constructor(
    private readonly views: AgencyViewsApi,
    private readonly parenting: FamilyParentingApi,
    private readonly timelines: FamilyTimelineApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('families/families.njk')
  async families(@Req() request: FastifyRequest, @Query() filters: FamilyFilters) {
    const { query, errors } = familyQuery(filters);
    const label = this.levelLabel(request);
    if (errors.length > 0) return { ...familiesPage([], filters, label), ...formErrors(errors) };
    const page = await this.views.families(await this.callers.forRequest(request), query);
    return { ...familiesPage(page.items, filters, label, page.nextCursor), ...formErrors() };
  }

  @Get(':familyId')
  @Render('families/family.njk')
  async family(@Req() request: FastifyRequest, @Param('familyId', new ParseUUIDPipe()) familyId: string) {
    const caller = await this.callers.forRequest(request);
    const view = await this.views.family(caller, familyId);
    const parenting = await this.parenting.ofFamily(caller, view);
    return {
      ...familyPage(view, this.levelLabel(request)),
      parenting: parentingSection(parenting, this.agencyName(request)),
    };
  }

  @Get(':familyId/timeline')
  @Render('families/timeline.njk')
  async timeline(@Req() request: FastifyRequest, @Param('familyId', new ParseUUIDPipe()) familyId: string) {
    const caller = await this.callers.forRequest(request);
    const [view, items] = await Promise.all([
      this.views.family(caller, familyId),
      this.timelines.ofFamily(caller, familyId),
    ]);
    return familyTimelinePage(view, items);
  }

  private agencyName(request: FastifyRequest): (id: string) => string {
    const tenant = request.session.person!.tenant;
    return (id) => this.tenants.agency(tenant, id)?.name ?? id;
  }

  private levelLabel(request: FastifyRequest): (level: number) => string {
    const tenant = request.session.person!.tenant;
    return (level) => this.tenants.levelLabel(tenant, level)?.label ?? `Level ${level}`;
  }
}
