import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@baton/auth';
import { PlanEvents, type PlanOutcome } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { actionUpdateViolations, dueDateViolations, newActionViolations } from '../domain/action.rules.js';
import { outcomesViolations } from '../domain/outcome.rules.js';
import { PlanChanges } from '../plan/plan-changes.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan } from '../plan/plan.entity.js';
import { actionOf } from '../plan/plan.snapshot.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import type { AddActionDto, AgreeOutcomesDto, UpdateActionDto } from './dto/work.dto.js';
import { PlanActionRow } from './plan-action.entity.js';

/**
 * The plan's work: outcomes agreed with the family (the lead changes them) and actions owned by member agencies
 * (the lead adds them; each member updates its own).
 */
@Injectable()
export class PlanWork {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly tenants: TenantDirectory,
  ) {}

  async agreeOutcomes(caller: Caller, planId: string, dto: AgreeOutcomesDto, ifMatch: string | undefined) {
    const title = 'The outcomes cannot be recorded';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now }) => {
        const headlines = this.tenants.requireTenant(caller.tenant).headlineOutcomes.map((o) => o.code);
        refuseIfAny(
          outcomesViolations(
            dto.outcomes,
            headlines,
            state.plan.outcomes.map((o) => o.outcomeId),
            [...new Set(state.actions.map((a) => a.outcomeId))],
          ),
          title,
        );
        const outcomes: PlanOutcome[] = dto.outcomes.map((o) => ({
          outcomeId: o.outcomeId ?? randomUUID(),
          headlineOutcome: o.headlineOutcome,
          description: o.description,
        }));
        state.plan.outcomes = outcomes;
        await manager.update(Plan, { id: state.plan.id }, { outcomes });
        await this.recorder.record(manager, state, {
          definition: PlanEvents.outcomesAgreed,
          data: { agreedBy: actor, agreedAt: now.toISOString() },
          actor,
          at: now,
          timeline: {
            summary: `Outcomes agreed with the family: ${outcomes.map((o) => o.description).join('; ') || 'none'}`,
          },
        });
      },
    );
    return state;
  }

  async addAction(caller: Caller, planId: string, dto: AddActionDto, ifMatch: string | undefined) {
    const title = 'The action cannot be added';
    return this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now, today }) => {
        refuseIfAny(
          newActionViolations(
            dto,
            state.plan.outcomes.map((o) => o.outcomeId),
            state.members.map((m) => m.agencyId),
            today,
          ),
          title,
        );
        const action = Object.assign(new PlanActionRow(), {
          id: randomUUID(),
          planId: state.plan.id,
          outcomeId: dto.outcomeId,
          description: dto.description,
          ownerAgencyId: dto.ownerAgencyId,
          ownerPersonId: dto.ownerPersonId ?? null,
          ownerName: dto.ownerName ?? null,
          dueDate: dto.dueDate,
          status: 'not-started' as const,
          overdueNotifiedFor: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(PlanActionRow, action);
        state.actions.push(action);
        await this.recorder.record(manager, state, {
          definition: PlanEvents.actionAdded,
          data: { action: actionOf(action), addedBy: actor },
          actor,
          at: now,
          timeline: {
            summary: `Action for ${ownerName(state, action.ownerAgencyId)}, due ${action.dueDate}: ${action.description}`,
            details: { actionId: action.id },
            visibleTo: 'agency',
            agencyId: action.ownerAgencyId,
          },
        });
        return action;
      },
    );
  }

  async updateAction(
    caller: Caller,
    planId: string,
    actionId: string,
    dto: UpdateActionDto,
    ifMatch: string | undefined,
  ): Promise<PlanState> {
    const title = 'The action cannot be updated';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { requires: 'agreement', title },
      async ({ manager, state, relationship, actor, now, today }) => {
        const action = state.actions.find((a) => a.id === actionId);
        if (!action) {
          refuseIfAny(
            [
              {
                field: 'actionId',
                rule: 'isPlanAction',
                message: `${actionId} is not an action of this plan`,
                kind: 'rule',
              },
            ],
            title,
          );
          return;
        }
        refuseIfAny(
          [
            ...actionUpdateViolations({ agencyId: caller.agencyId, isLead: relationship === 'lead' }, action),
            ...(dto.status === undefined && dto.dueDate === undefined
              ? [
                  {
                    field: 'status',
                    rule: 'changesSomething',
                    message: 'give a new status or due date',
                    kind: 'rule' as const,
                  },
                ]
              : []),
            ...(dto.dueDate !== undefined ? dueDateViolations(dto.dueDate, today) : []),
          ],
          title,
        );
        const previousStatus = action.status;
        action.status = dto.status ?? action.status;
        action.dueDate = dto.dueDate ?? action.dueDate;
        action.updatedAt = now;
        await manager.update(
          PlanActionRow,
          { id: action.id },
          { status: action.status, dueDate: action.dueDate, updatedAt: now },
        );
        await this.recorder.record(manager, state, {
          definition: PlanEvents.actionUpdated,
          data: {
            action: actionOf(action),
            previousStatus,
            ...(dto.note ? { note: dto.note } : {}),
            updatedBy: actor,
          },
          actor,
          at: now,
          timeline: {
            summary: `${actor.name} updated "${action.description}": ${action.status}, due ${action.dueDate}`,
            details: { actionId: action.id, previousStatus, note: dto.note },
            visibleTo: 'agency',
            agencyId: action.ownerAgencyId,
          },
        });
      },
    );
    return state;
  }
}

function ownerName(state: PlanState, agencyId: string): string {
  return state.members.find((m) => m.agencyId === agencyId)?.agencyName ?? agencyId;
}
