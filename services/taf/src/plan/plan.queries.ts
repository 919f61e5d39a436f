import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { worksWithFamilies, type Caller } from '@baton/auth';
import { TenantDirectory } from '@baton/tenancy';
import { decodeCursor, pageOf, type Page } from '@baton/http-api';
import { isFrontDoorManager } from '../access/plan-access.policy.js';
import type { ListPlansQueryDto } from '../timeline/timeline-query.dto.js';
import type { PlanChildRecord } from './plan.entity.js';
import { childOf } from './plan.snapshot.js';

const DEFAULT_LIMIT = 50;

export interface PlanListItem {
  id: string;
  familyId: string;
  status: string;
  levelOfNeed: number;
  openedAt: string;
  children: ReturnType<typeof childOf>[];
  lead: { name: string; agencyId: string; agencyName: string; email: string; phone?: string };
  nextReviewDate?: string;
}

interface ListRow {
  id: string;
  family_id: string;
  status: string;
  level_of_need: number;
  opened_at: Date;
  children: PlanChildRecord[];
  name: string;
  agency_id: string;
  agency_name: string;
  email: string;
  phone: string | null;
  next_review_date: string | null;
}

/** Plans a caller may list: every plan of the tenant for managers; otherwise those they lead or their agency is on. */
@Injectable()
export class PlanQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantDirectory,
  ) {}

  async list(caller: Caller, query: ListPlansQueryDto): Promise<Page<PlanListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    // As for one plan: no casework role, no plans (an agency admin's agency may be on many).
    if (!worksWithFamilies(caller)) return { items: [] };
    const [openedAt, id] = query.cursor
      ? decodeCursor(query.cursor, 2)
      : ['-infinity', '00000000-0000-0000-0000-000000000000'];
    // A manager lists the plans their agency is on, as anyone does; the front door's managers list them all.
    const everyPlan = isFrontDoorManager(caller, this.tenants.tenant(caller.tenant)?.referralFrontDoorAgencyId);
    const rows: ListRow[] = await this.dataSource.query(
      `SELECT p.id, p.family_id, p.status, p.level_of_need, p.opened_at, p.children,
              l.name, l.agency_id, l.agency_name, l.email, l.phone, p.next_review_date::text AS next_review_date
         FROM plan p JOIN plan_lead l ON l.id = p.lead_id
        WHERE p.tenant = $1 AND ($2::text IS NULL OR p.status = $2)
          AND (p.opened_at, p.id) > ($3::timestamptz, $4::uuid)
          AND ($5 OR (l.person_id = $6 AND l.agency_id = $7)
               OR EXISTS (SELECT 1 FROM plan_member m WHERE m.plan_id = p.id AND m.agency_id = $7 AND m.left_at IS NULL))
        ORDER BY p.opened_at, p.id LIMIT $8`,
      [caller.tenant, query.status ?? null, openedAt, id, everyPlan, caller.personId, caller.agencyId, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (r) => ({
        id: r.id,
        familyId: r.family_id,
        status: r.status,
        levelOfNeed: r.level_of_need,
        openedAt: r.opened_at.toISOString(),
        children: r.children.map(childOf),
        lead: {
          name: r.name,
          agencyId: r.agency_id,
          agencyName: r.agency_name,
          email: r.email,
          ...(r.phone ? { phone: r.phone } : {}),
        },
        ...(r.next_review_date ? { nextReviewDate: r.next_review_date } : {}),
      }),
      (r) => [r.opened_at.toISOString(), r.id],
    );
  }
}
