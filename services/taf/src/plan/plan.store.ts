import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlanHandoverRow } from '../lead/plan-handover.entity.js';
import { PlanLeadRow } from '../lead/plan-lead.entity.js';
import { PlanMemberRow } from '../membership/plan-member.entity.js';
import { PlanActionRow } from '../work/plan-action.entity.js';
import { Plan } from './plan.entity.js';
import type { PlanState } from './plan-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;

/**
 * The whole plan in one round trip: every read and every change starts here, so it is one statement that
 * returns the plan, its current lead, members, actions and pending handover as JSON.
 */
const LOAD = `
  SELECT row_to_json(p) AS plan, row_to_json(l) AS lead,
         (SELECT coalesce(json_agg(m ORDER BY m.joined_at, m.id), '[]') FROM plan_member m
           WHERE m.plan_id = p.id AND m.left_at IS NULL) AS members,
         (SELECT coalesce(json_agg(a ORDER BY a.created_at, a.id), '[]') FROM plan_action a
           WHERE a.plan_id = p.id) AS actions,
         (SELECT row_to_json(h) FROM plan_handover h WHERE h.plan_id = p.id AND h.status = 'proposed') AS handover
    FROM plan p JOIN plan_lead l ON l.id = p.lead_id
   WHERE p.id = $1 AND p.tenant = $2`;

/** Loads a plan with its lead, members, actions and pending handover; `lock` serialises changes to one plan. */
@Injectable()
export class PlanStore {
  async load(
    manager: EntityManager,
    tenant: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<PlanState | undefined> {
    if (!UUID.test(id)) return undefined;
    if (options.lock) {
      // Lock first, then read in a new statement: in READ COMMITTED a statement that waited for the lock would
      // otherwise return what it saw before the lock holder committed (an old lead, old members).
      const locked: unknown[] = await manager.query('SELECT 1 FROM plan WHERE id = $1 AND tenant = $2 FOR UPDATE', [
        id,
        tenant,
      ]);
      if (locked.length === 0) return undefined;
    }
    const rows: { plan: Json; lead: Json; members: Json[]; actions: Json[]; handover: Json | null }[] =
      await manager.query(LOAD, [id, tenant]);
    if (rows.length === 0) return undefined;
    const [row] = rows;
    return {
      plan: planOf(row.plan),
      lead: leadOf(row.lead),
      members: row.members.map(memberOf),
      actions: row.actions.map(actionOf),
      ...(row.handover ? { pendingHandover: handoverOf(row.handover) } : {}),
    };
  }
}

const date = (v: unknown): Date => new Date(v as string);
const maybeDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

function planOf(r: Json): Plan {
  return Object.assign(new Plan(), {
    id: r.id,
    tenant: r.tenant,
    familyId: r.family_id,
    status: r.status,
    version: r.version,
    levelOfNeed: r.level_of_need,
    origin: r.origin,
    openedAt: date(r.opened_at),
    openedBy: r.opened_by,
    referralIds: r.referral_ids,
    children: r.children,
    carers: r.carers,
    outcomes: r.outcomes,
    leadId: r.lead_id,
    reviewCadenceWeeks: r.review_cadence_weeks,
    nextReviewDate: r.next_review_date,
    lastReviewDate: r.last_review_date,
    reviewOverdueNotifiedFor: r.review_overdue_notified_for,
    agreement: r.agreement,
    assessmentSummary: r.assessment_summary,
    closedAt: maybeDate(r.closed_at),
    closure: r.closure,
  });
}

function leadOf(r: Json): PlanLeadRow {
  return Object.assign(new PlanLeadRow(), {
    id: r.id,
    planId: r.plan_id,
    personId: r.person_id,
    name: r.name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    startedAt: date(r.started_at),
    endedAt: maybeDate(r.ended_at),
    handoverId: r.handover_id,
    previousLeadId: r.previous_lead_id,
  });
}

function memberOf(r: Json): PlanMemberRow {
  return Object.assign(new PlanMemberRow(), {
    id: r.id,
    planId: r.plan_id,
    tenant: r.tenant,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    personId: r.person_id,
    contactName: r.contact_name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    joinedAt: date(r.joined_at),
    leftAt: maybeDate(r.left_at),
  });
}

function actionOf(r: Json): PlanActionRow {
  return Object.assign(new PlanActionRow(), {
    id: r.id,
    planId: r.plan_id,
    outcomeId: r.outcome_id,
    description: r.description,
    ownerAgencyId: r.owner_agency_id,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status: r.status,
    overdueNotifiedFor: r.overdue_notified_for,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  });
}

function handoverOf(r: Json): PlanHandoverRow {
  return Object.assign(new PlanHandoverRow(), {
    id: r.id,
    planId: r.plan_id,
    status: r.status,
    proposedLead: r.proposed_lead,
    familyPreference: r.family_preference,
    reason: r.reason,
    proposedBy: r.proposed_by,
    proposedAt: date(r.proposed_at),
    decidedAt: maybeDate(r.decided_at),
    declineReason: r.decline_reason,
  });
}
