import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { TenantDirectory } from '@baton/tenancy';
import { decodeCursor, pageOf, ProblemException, type Page } from '@baton/http-api';
import { relationshipTo, type PlanRelationship } from '../access/plan-access.policy.js';
import { preparedQuery } from '../plan/prepared-query.js';
import type { PageQueryDto } from './timeline-query.dto.js';

const DEFAULT_LIMIT = 50;

export interface TimelineItem {
  planId: string;
  at: string;
  planVersion: number;
  type: string;
  actor: object;
  summary: string;
  details: object;
}

interface TimelineDbRow {
  seq: string;
  plan_id: string;
  at: Date;
  plan_version: number;
  type: string;
  actor: object;
  summary: string;
  details: object;
}

export interface VisiblePlan {
  id: string;
  familyId: string;
  relationship: PlanRelationship;
}

/**
 * One chronological view of what happened to a plan, or to every plan of a family the caller may see. Members
 * see entries for everyone and their own agency's action entries; the lead and managers see all.
 */
@Injectable()
export class TimelineQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantDirectory,
    private readonly breakGlass: BreakGlassGrants,
  ) {}

  /** The family's plans this caller is related to (or all, under a break-glass grant); 404 when none. */
  async visiblePlansOfFamily(caller: Caller, familyId: string): Promise<VisiblePlan[]> {
    const notFound = () => ProblemException.notFound(`Family ${familyId}`);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(familyId)) throw notFound();
    const rows = await preparedQuery<{ id: string; person_id: string; agency_id: string; members: string[] }>(
      this.dataSource.manager,
      'taf_family_plans',
      `SELECT p.id, l.person_id, l.agency_id,
                array(SELECT m.agency_id FROM plan_member m WHERE m.plan_id = p.id AND m.left_at IS NULL) AS members
           FROM plan p JOIN plan_lead l ON l.id = p.lead_id
          WHERE p.tenant = $1 AND p.family_id = $2`,
      [caller.tenant, familyId],
    );
    const visible = rows.flatMap((r) => {
      const relationship = relationshipTo(caller, {
        tenant: caller.tenant,
        lead: { personId: r.person_id, agencyId: r.agency_id },
        memberAgencyIds: r.members,
        frontDoorAgencyId: this.tenants.tenant(caller.tenant)?.referralFrontDoorAgencyId,
      });
      return relationship ? [{ id: r.id, familyId, relationship }] : [];
    });
    if (visible.length > 0) return visible;
    // No relationship to any: a live break-glass grant for the family shows all its plans, for reading.
    if (rows.length > 0 && (await this.breakGlass.liveFor(caller, familyId))) {
      return rows.map((r) => ({ id: r.id, familyId, relationship: 'break-glass' as const }));
    }
    throw notFound();
  }

  async timeline(caller: Caller, plans: VisiblePlan[], query: PageQueryDto): Promise<Page<TimelineItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : '0';
    const full = plans.filter((p) => p.relationship !== 'member').map((p) => p.id);
    // plan_id = ANY(every visible plan) first, so the (plan_id, seq) index finds the few rows of these plans.
    const rows = await preparedQuery<TimelineDbRow>(
      this.dataSource.manager,
      'taf_timeline',
      `SELECT seq, plan_id, at, plan_version, type, actor, summary, details FROM plan_timeline
        WHERE plan_id = ANY($2::uuid[]) AND seq > $1::bigint
          AND (plan_id = ANY($3::uuid[]) OR visible_to = 'all' OR (visible_to = 'agency' AND agency_id = $4))
        ORDER BY seq LIMIT $5`,
      [after, plans.map((p) => p.id), full, caller.agencyId, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (r) => ({
        planId: r.plan_id,
        at: r.at.toISOString(),
        planVersion: r.plan_version,
        type: r.type,
        actor: r.actor,
        summary: r.summary,
        details: r.details,
      }),
      (r) => [r.seq],
    );
  }
}
