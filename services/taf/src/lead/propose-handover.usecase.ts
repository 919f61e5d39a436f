import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@baton/auth';
import { PlanEvents } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { proposeHandoverViolations } from '../domain/lead.rules.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { PlanChanges } from '../plan/plan-changes.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import type { ProposeHandoverDto } from './dto/handover.dto.js';
import { PlanHandoverRow } from './plan-handover.entity.js';

/**
 * The lead (or a manager of the lead's agency) proposes a new lead professional. Nothing changes until the
 * proposed lead accepts; a newer proposal supersedes one still pending. The family's preference is recorded.
 */
@Injectable()
export class ProposeHandover {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly tenants: TenantDirectory,
  ) {}

  async execute(
    caller: Caller,
    planId: string,
    dto: ProposeHandoverDto,
    ifMatch: string | undefined,
  ): Promise<{ state: PlanState; handover: PlanHandoverRow }> {
    const title = 'The handover cannot be proposed';
    const { state, result } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { requires: 'agreement', title },
      async ({ manager, state, actor, now }) => {
        const agency = this.tenants.agency(caller.tenant, dto.proposedLead.agencyId);
        refuseIfAny(
          [
            ...proposeHandoverViolations(
              { ...actor, isManager: caller.roles.includes('manager') },
              state.lead,
              dto.proposedLead,
            ),
            ...(agency
              ? []
              : [
                  {
                    field: 'proposedLead.agencyId',
                    rule: 'isKnownAgency',
                    message: `${dto.proposedLead.agencyId} is not an agency of ${caller.tenant}`,
                    kind: 'rule' as const,
                  },
                ]),
          ],
          title,
        );
        const superseded = state.pendingHandover;
        if (superseded) {
          await manager.update(PlanHandoverRow, { id: superseded.id }, { status: 'superseded', decidedAt: now });
        }
        const handover = Object.assign(new PlanHandoverRow(), {
          id: randomUUID(),
          planId: state.plan.id,
          status: 'proposed' as const,
          proposedLead: {
            ...dto.proposedLead,
            agencyName: agency?.name ?? dto.proposedLead.agencyId,
          },
          familyPreference: dto.familyPreference,
          reason: dto.reason ?? null,
          proposedBy: actor,
          proposedAt: now,
          decidedAt: null,
          declineReason: null,
        });
        await manager.insert(PlanHandoverRow, handover);
        state.pendingHandover = handover;
        await this.recorder.record(manager, state, {
          definition: PlanEvents.leadHandoverProposed,
          data: {
            handoverId: handover.id,
            proposedLead: handover.proposedLead,
            familyPreference: dto.familyPreference,
            ...(dto.reason ? { reason: dto.reason } : {}),
            proposedBy: actor,
            proposedAt: now.toISOString(),
            ...(superseded ? { supersedesHandoverId: superseded.id } : {}),
          },
          actor,
          at: now,
          timeline: {
            summary: `${actor.name} proposed ${handover.proposedLead.name} (${handover.proposedLead.agencyName}) as lead professional; the family ${dto.familyPreference.preference.replace(/-/g, ' ')}`,
            details: { handoverId: handover.id, familyPreference: dto.familyPreference },
          },
        });
        return handover;
      },
    );
    return { state, handover: result };
  }
}
