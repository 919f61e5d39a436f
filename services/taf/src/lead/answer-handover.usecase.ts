import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { TenantDirectory } from '@baton/tenancy';
import { PlanEvents } from '@baton/contracts';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import { relationshipTo } from '../access/plan-access.policy.js';
import { answerHandoverViolations, leadEndViolations } from '../domain/lead.rules.js';
import { changeViolations } from '../domain/plan-state.rules.js';
import { PlanMemberRow } from '../membership/plan-member.entity.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan, type PersonRef } from '../plan/plan.entity.js';
import { PlanStore } from '../plan/plan.store.js';
import { memberOf, professionalOf } from '../plan/plan.snapshot.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import { PlanHandoverRow } from './plan-handover.entity.js';
import { PlanLeadRow } from './plan-lead.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Answering {
  manager: EntityManager;
  state: PlanState;
  handover: PlanHandoverRow;
  actor: PersonRef;
  now: Date;
  title: string;
}

/**
 * The proposed lead accepts (the handover is effective at that instant: the previous lead's time ends exactly
 * when theirs begins, so there is never a gap or two leads — and the database checks it) or declines.
 * The proposed lead may not yet be on the plan, so they reach it through the handover addressed to them.
 */
@Injectable()
export class AnswerHandover {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly recorder: PlanEventRecorder,
    private readonly clock: Clock,
    private readonly tenants: TenantDirectory,
  ) {}

  accept(caller: Caller, planId: string, handoverId: string, ifMatch: string | undefined): Promise<PlanState> {
    return this.answer(caller, planId, handoverId, ifMatch, (a) => this.makeEffective(a));
  }

  decline(
    caller: Caller,
    planId: string,
    handoverId: string,
    reason: string,
    ifMatch: string | undefined,
  ): Promise<PlanState> {
    return this.answer(caller, planId, handoverId, ifMatch, async ({ manager, state, handover, actor, now }) => {
      await manager.update(
        PlanHandoverRow,
        { id: handover.id },
        { status: 'declined', decidedAt: now, declineReason: reason },
      );
      delete state.pendingHandover;
      await this.recorder.record(manager, state, {
        definition: PlanEvents.leadHandoverDeclined,
        data: { handoverId: handover.id, declinedBy: actor, declinedAt: now.toISOString(), reason },
        actor,
        at: now,
        timeline: {
          summary: `${actor.name} declined to become lead professional; ${state.lead.name} stays the lead`,
          details: { handoverId: handover.id, reason },
        },
      });
    });
  }

  private answer(
    caller: Caller,
    planId: string,
    handoverId: string,
    ifMatch: string | undefined,
    then: (a: Answering) => Promise<void>,
  ): Promise<PlanState> {
    const notFound = () => ProblemException.notFound(`Handover ${handoverId} of plan ${planId}`);
    return this.dataSource.transaction(async (manager) => {
      if (!UUID.test(handoverId)) throw notFound();
      const state = await this.store.load(manager, caller.tenant, planId, { lock: true });
      const handover = state
        ? await manager.findOneBy(PlanHandoverRow, { id: handoverId, planId: state.plan.id })
        : null;
      if (!state || !handover) throw notFound();
      const related = relationshipTo(caller, {
        tenant: state.plan.tenant,
        lead: state.lead,
        memberAgencyIds: state.members.map((m) => m.agencyId),
        frontDoorAgencyId: this.tenants.tenant(caller.tenant)?.referralFrontDoorAgencyId,
      });
      // The addressee is the proposed lead's person at the proposed lead's agency: a token with their person id
      // and another agency is a stranger, and gets the plan's 404 before any rule could say the handover exists.
      const addressee =
        caller.personId === handover.proposedLead.personId && caller.agencyId === handover.proposedLead.agencyId;
      if (!related && !addressee) throw notFound();
      const title = 'The handover cannot be answered';
      const violations = answerHandoverViolations(caller, handover);
      refuseIfAny(
        violations.filter((v) => v.kind === 'forbidden'),
        title,
      );
      requireIfMatch(ifMatch, state.plan.version);
      refuseIfAny([...violations, ...changeViolations(state.plan.status, state.plan.agreement.status)], title);
      const actor = { personId: caller.personId, name: caller.name, agencyId: caller.agencyId };
      await then({ manager, state, handover, actor, now: this.clock.now(), title });
      return state;
    });
  }

  private async makeEffective({ manager, state, handover, actor, now, title }: Answering): Promise<void> {
    const previous = state.lead;
    refuseIfAny(leadEndViolations(previous.startedAt, now, 'handover'), title);
    const proposed = handover.proposedLead;
    if (!state.members.some((m) => m.agencyId === proposed.agencyId)) {
      const member = Object.assign(new PlanMemberRow(), {
        id: randomUUID(),
        planId: state.plan.id,
        tenant: state.plan.tenant,
        agencyId: proposed.agencyId,
        agencyName: proposed.agencyName,
        personId: proposed.personId,
        contactName: proposed.name,
        // Their own role in the plan; that they lead is the plan's lead, not a role.
        role: proposed.role,
        email: proposed.email || null,
        phone: proposed.phone ?? null,
        joinedAt: now,
        leftAt: null,
      });
      await manager.insert(PlanMemberRow, member);
      state.members.push(member);
      await this.recorder.record(manager, state, {
        definition: PlanEvents.memberJoined,
        data: { member: memberOf(member), addedBy: actor },
        actor,
        at: now,
        timeline: { summary: `${member.agencyName} joined the plan with the new lead professional` },
      });
    }
    // A handover changes who leads, never what each member's role is: the new lead's agency and the former
    // lead's keep the roles they joined with.
    const lead = Object.assign(new PlanLeadRow(), {
      id: randomUUID(),
      planId: state.plan.id,
      ...proposed,
      phone: proposed.phone ?? null,
      startedAt: now,
      endedAt: null,
      handoverId: handover.id,
      previousLeadId: previous.id,
    });
    await manager.update(PlanLeadRow, { id: previous.id }, { endedAt: now });
    await manager.insert(PlanLeadRow, lead);
    await manager.update(Plan, { id: state.plan.id }, { leadId: lead.id });
    await manager.update(PlanHandoverRow, { id: handover.id }, { status: 'accepted', decidedAt: now });
    state.plan.leadId = lead.id;
    state.lead = lead;
    delete state.pendingHandover;
    await this.recorder.record(manager, state, {
      definition: PlanEvents.leadChanged,
      data: {
        handoverId: handover.id,
        lead: professionalOf(lead),
        previousLead: professionalOf(previous),
        effectiveAt: now.toISOString(),
        familyPreference: handover.familyPreference,
      },
      actor,
      at: now,
      timeline: {
        summary: `${lead.name} (${lead.agencyName}) is the lead professional, taking over from ${previous.name}`,
        details: { handoverId: handover.id, familyPreference: handover.familyPreference },
      },
    });
  }
}
