import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { PlanEvents, type PlanClosureReason } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { closureViolations } from '../domain/closure.rules.js';
import { leadEndViolations } from '../domain/lead.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { PlanHandoverRow } from '../lead/plan-handover.entity.js';
import { PlanLeadRow } from '../lead/plan-lead.entity.js';
import { OpenPlanFinder } from '../plan/open-plan/open-plan-finder.js';
import { PlanChanges } from '../plan/plan-changes.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan, type PersonRef } from '../plan/plan.entity.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import type { ClosePlanDto, StepDownDto, StepUpDto, WithdrawAgreementDto } from './dto/closure.dto.js';

/**
 * How a plan ends — needs met, stepped up to children's social care (urgent), stepped down to universal
 * services, the family withdrew, moved away, other — and the family's withdrawal of agreement.
 * Closing ends the lead's time at the closing instant (the database checks it) and frees the children.
 */
@Injectable()
export class PlanClosure {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly finder: OpenPlanFinder,
    private readonly tenants: TenantDirectory,
  ) {}

  async close(caller: Caller, planId: string, dto: ClosePlanDto, ifMatch: string | undefined): Promise<PlanState> {
    const title = 'The plan cannot be closed';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'open', title },
      async ({ manager, state, actor, now }) => {
        refuseIfAny(closureViolations(dto.reason, dto.reasonText), title);
        await this.closeNow(manager, state, actor, now, dto.reason, dto.reasonText);
      },
    );
    return state;
  }

  async stepUp(caller: Caller, planId: string, dto: StepUpDto, ifMatch: string | undefined): Promise<PlanState> {
    const title = 'The plan cannot be stepped up';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      // Safeguarding does not wait for consent: a plan whose agreement was withdrawn can still be stepped up.
      { leadOnly: true, requires: 'open', title },
      async ({ manager, state, actor, now }) => {
        const toAgencyId = dto.toAgencyId ?? this.socialCare(caller.tenant);
        const agency = toAgencyId ? this.tenants.agency(caller.tenant, toAgencyId) : undefined;
        const violations: RuleViolation[] =
          agency?.kind === 'childrens-social-care'
            ? []
            : [
                {
                  field: 'toAgencyId',
                  rule: 'isChildrensSocialCare',
                  message: `${toAgencyId ?? 'no agency'} is not a children's social care agency of ${caller.tenant}`,
                  kind: 'rule',
                },
              ];
        refuseIfAny(violations, title);
        const steppedUpAt = now.toISOString();
        await this.closeNow(manager, state, actor, now, 'stepped-up', dto.reason, async () => {
          await this.recorder.record(manager, state, {
            definition: PlanEvents.steppedUp,
            data: { urgent: true, toAgencyId: agency?.id ?? '', reason: dto.reason, steppedUpAt, steppedUpBy: actor },
            actor,
            at: now,
            timeline: { summary: `Stepped up to ${agency?.name}: ${dto.reason}` },
          });
        });
      },
    );
    return state;
  }

  async stepDown(caller: Caller, planId: string, dto: StepDownDto, ifMatch: string | undefined): Promise<PlanState> {
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'open', title: 'The plan cannot be stepped down' },
      async ({ manager, state, actor, now }) => {
        await this.closeNow(manager, state, actor, now, 'stepped-down', dto.reason, async () => {
          await this.recorder.record(manager, state, {
            definition: PlanEvents.steppedDown,
            data: { reason: dto.reason, steppedDownAt: now.toISOString(), steppedDownBy: actor },
            actor,
            at: now,
            timeline: { summary: `Stepped down to universal services: ${dto.reason}` },
          });
        });
      },
    );
    return state;
  }

  async withdrawAgreement(
    caller: Caller,
    planId: string,
    dto: WithdrawAgreementDto,
    ifMatch: string | undefined,
  ): Promise<PlanState> {
    const title = 'The withdrawal cannot be recorded';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now }) => {
        const withdrawnAt = new Date(dto.withdrawnAt);
        refuseIfAny(
          withdrawnAt > now
            ? [{ field: 'withdrawnAt', rule: 'isNotFuture', message: 'withdrawnAt is in the future', kind: 'rule' }]
            : [],
          title,
        );
        state.plan.agreement = {
          ...state.plan.agreement,
          status: 'withdrawn',
          withdrawnAt: withdrawnAt.toISOString(),
          withdrawalReason: dto.reason,
        };
        await manager.update(Plan, { id: state.plan.id }, { agreement: state.plan.agreement });
        await this.recorder.record(manager, state, {
          definition: PlanEvents.agreementWithdrawn,
          data: { withdrawnAt: withdrawnAt.toISOString(), reason: dto.reason, recordedBy: actor },
          actor,
          at: now,
          timeline: { summary: `The family withdrew its agreement on ${dto.withdrawnAt}: ${dto.reason}` },
        });
      },
    );
    return state;
  }

  private socialCare(tenant: string): string | undefined {
    return this.tenants.requireTenant(tenant).agencies.find((a) => a.kind === 'childrens-social-care')?.id;
  }

  /** Closes the plan; `before` records the step event that precedes `closed` in the same transaction. */
  private async closeNow(
    manager: EntityManager,
    state: PlanState,
    actor: PersonRef,
    now: Date,
    reason: PlanClosureReason,
    reasonText: string | undefined,
    before?: () => Promise<void>,
  ): Promise<void> {
    refuseIfAny(leadEndViolations(state.lead.startedAt, now, 'plan'), 'The plan cannot be closed');
    const { plan } = state;
    plan.status = 'closed';
    plan.closedAt = now;
    plan.closure = { reason, ...(reasonText ? { reasonText } : {}), closedBy: actor };
    plan.nextReviewDate = null;
    state.lead.endedAt = now;
    await manager.update(
      Plan,
      { id: plan.id },
      { status: 'closed', closedAt: now, closure: plan.closure, nextReviewDate: null },
    );
    await manager.update(PlanLeadRow, { id: state.lead.id }, { endedAt: now });
    if (state.pendingHandover) {
      await manager.update(PlanHandoverRow, { id: state.pendingHandover.id }, { status: 'lapsed', decidedAt: now });
      delete state.pendingHandover;
    }
    await this.finder.release(manager, plan.id);
    await before?.();
    await this.recorder.record(manager, state, {
      definition: PlanEvents.closed,
      data: { reason, ...(reasonText ? { reasonText } : {}), closedAt: now.toISOString(), closedBy: actor },
      actor,
      at: now,
      timeline: { summary: `Plan closed: ${reason.replace(/-/g, ' ')}${reasonText ? ` (${reasonText})` : ''}` },
    });
  }
}
