import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingDayCalendar } from '@baton/calendar';
import { PlanEvents, type LevelOfNeed, type PlanCarer, type PlanOrigin, type PlanProfessional } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { REVIEW_CADENCE_WEEKS, isValidCadence, reviewDueAfter } from '../../domain/review-cadence.rules.js';
import { PlanLeadRow } from '../../lead/plan-lead.entity.js';
import { PlanMemberRow } from '../../membership/plan-member.entity.js';
import { PlanEventRecorder } from '../plan-event.recorder.js';
import { Plan, type PersonRef, type PlanAgreementRecord, type PlanChildRecord } from '../plan.entity.js';
import type { PlanState } from '../plan-state.js';
import { OpenPlanFinder } from './open-plan-finder.js';

export interface NewPlan {
  /** Chosen by the caller when it must know the id first (an Idempotency-Key claim). */
  id?: string;
  tenant: string;
  familyId: string;
  levelOfNeed: LevelOfNeed;
  origin: PlanOrigin;
  referralId?: string;
  children: PlanChildRecord[];
  carers: PlanCarer[];
  lead: PlanProfessional;
  openedBy: PersonRef;
  agreement: PlanAgreementRecord;
  /** Other agencies on the plan from the start (the opener's own, when it is not the lead's). */
  members: Omit<PlanMemberRow, 'id' | 'planId' | 'tenant' | 'joinedAt' | 'leftAt'>[];
  at: Date;
  causationid?: string;
  correlationid?: string;
}

/**
 * Opens a plan with its lead professional named from the first instant: the plan, its first lead (starting at
 * the opening instant), the lead's agency as a member, the children's index and the `opened` event, in the
 * caller's transaction. The first review is due one cadence after opening, on a working day.
 */
@Injectable()
export class PlanOpener {
  constructor(
    private readonly recorder: PlanEventRecorder,
    private readonly finder: OpenPlanFinder,
    private readonly tenants: TenantDirectory,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  async open(manager: EntityManager, input: NewPlan): Promise<PlanState> {
    const tenantCadence = this.tenants.requireTenant(input.tenant).reviewCadenceWeeks;
    const cadence = isValidCadence(tenantCadence) ? tenantCadence : REVIEW_CADENCE_WEEKS.default;
    const plan = Object.assign(new Plan(), {
      id: input.id ?? randomUUID(),
      tenant: input.tenant,
      familyId: input.familyId,
      status: 'open' as const,
      version: 0,
      levelOfNeed: input.levelOfNeed,
      origin: input.origin,
      openedAt: input.at,
      openedBy: input.openedBy,
      referralIds: input.referralId ? [input.referralId] : [],
      children: input.children,
      carers: input.carers,
      outcomes: [],
      leadId: randomUUID(),
      reviewCadenceWeeks: cadence,
      nextReviewDate: reviewDueAfter(this.calendar, this.calendar.localDate(input.at), cadence),
      lastReviewDate: null,
      reviewOverdueNotifiedFor: null,
      agreement: input.agreement,
      assessmentSummary: null,
      closedAt: null,
      closure: null,
    });
    const lead = Object.assign(new PlanLeadRow(), {
      id: plan.leadId,
      planId: plan.id,
      ...input.lead,
      phone: input.lead.phone ?? null,
      startedAt: input.at,
      endedAt: null,
      handoverId: null,
      previousLeadId: null,
    });
    const leadMember = {
      agencyId: lead.agencyId,
      agencyName: lead.agencyName,
      personId: lead.personId,
      contactName: lead.name,
      // The lead's agency is a member in the lead's own role; that it leads is the plan's lead, not a role.
      role: lead.role,
      email: lead.email || null,
      phone: lead.phone,
    };
    const members = [leadMember, ...input.members.filter((m) => m.agencyId !== lead.agencyId)].map((m) =>
      Object.assign(new PlanMemberRow(), {
        ...m,
        id: randomUUID(),
        planId: plan.id,
        tenant: plan.tenant,
        joinedAt: input.at,
        leftAt: null,
      }),
    );
    await manager.insert(Plan, plan);
    await manager.insert(PlanLeadRow, lead);
    await manager.insert(PlanMemberRow, members);
    await this.finder.index(manager, plan.tenant, plan.id, plan.children);
    if (input.referralId) {
      await manager.query('INSERT INTO plan_referral (referral_id, plan_id, joined_at) VALUES ($1, $2, $3)', [
        input.referralId,
        plan.id,
        input.at,
      ]);
    }
    const state: PlanState = { plan, lead, members, actions: [] };
    await this.recorder.record(manager, state, {
      definition: PlanEvents.opened,
      data: {
        origin: input.origin,
        ...(input.referralId ? { referralId: input.referralId } : {}),
        openedAt: input.at.toISOString(),
        openedBy: input.openedBy,
      },
      actor: input.openedBy,
      at: input.at,
      causationid: input.causationid,
      correlationid: input.correlationid,
      timeline: {
        summary: `Plan opened ${input.origin === 'referral' ? 'from an accepted referral' : 'by a practitioner'}; lead professional ${lead.name} (${lead.agencyName})`,
        details: { leadPersonId: lead.personId, leadAgencyId: lead.agencyId, referralId: input.referralId },
      },
    });
    return state;
  }
}
