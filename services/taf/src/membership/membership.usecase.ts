import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@baton/auth';
import { PlanEvents } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { memberLeavingViolations } from '../domain/lead.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import type { MemberDto } from '../plan/dto/people.dto.js';
import { PlanChanges } from '../plan/plan-changes.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { memberOf } from '../plan/plan.snapshot.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import { PlanMemberRow } from './plan-member.entity.js';

/**
 * Agencies join the Team Around the Family (the lead adds them) and leave it (the lead removes them, or the
 * agency itself leaves). Membership is what lets an agency see the family, so both are events.
 */
@Injectable()
export class Membership {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly tenants: TenantDirectory,
  ) {}

  async add(caller: Caller, planId: string, dto: MemberDto, ifMatch: string | undefined): Promise<PlanState> {
    const title = 'The agency cannot join the plan';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now }) => {
        const agency = this.tenants.agency(caller.tenant, dto.agencyId);
        const violations: RuleViolation[] = [];
        if (!agency) {
          violations.push({
            field: 'agencyId',
            rule: 'isKnownAgency',
            message: `${dto.agencyId} is not an agency of ${caller.tenant}`,
            kind: 'rule',
          });
        }
        if (state.members.some((m) => m.agencyId === dto.agencyId)) {
          violations.push({
            field: 'agencyId',
            rule: 'isNotMember',
            message: `${dto.agencyId} is already on the plan`,
            kind: 'conflict',
          });
        }
        refuseIfAny(violations, title);
        const member = Object.assign(new PlanMemberRow(), {
          id: randomUUID(),
          planId: state.plan.id,
          tenant: state.plan.tenant,
          agencyId: dto.agencyId,
          agencyName: agency?.name ?? dto.agencyId,
          personId: dto.personId ?? null,
          contactName: dto.contactName,
          role: dto.role,
          email: dto.email ?? null,
          phone: dto.phone ?? null,
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
          timeline: { summary: `${member.agencyName} joined the plan (contact ${member.contactName}, ${member.role})` },
        });
      },
    );
    return state;
  }

  async remove(
    caller: Caller,
    planId: string,
    memberId: string,
    reason: string,
    ifMatch: string | undefined,
  ): Promise<PlanState> {
    const title = 'The agency cannot leave the plan';
    const { state } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { requires: 'open', title },
      async ({ manager, state, relationship, actor, now }) => {
        const member = state.members.find((m) => m.id === memberId);
        if (!member) {
          refuseIfAny(
            [{ field: 'memberId', rule: 'isMember', message: `${memberId} is not a current member`, kind: 'rule' }],
            title,
          );
          return;
        }
        const openActions = state.actions.filter(
          (a) => a.ownerAgencyId === member.agencyId && (a.status === 'not-started' || a.status === 'in-progress'),
        );
        refuseIfAny(
          [
            ...(relationship === 'lead' || caller.agencyId === member.agencyId
              ? []
              : [
                  {
                    field: 'caller',
                    rule: 'isLeadOrLeavingAgency',
                    message: 'the lead professional removes an agency, or the agency leaves itself',
                    kind: 'forbidden' as const,
                  },
                ]),
            ...memberLeavingViolations(member.agencyId, state.lead.agencyId),
            ...(openActions.length > 0
              ? [
                  {
                    field: 'memberId',
                    rule: 'hasNoOpenActions',
                    message: `${member.agencyName} still owns ${openActions.length} open action(s): complete, cancel or reassign them first`,
                    kind: 'conflict' as const,
                  },
                ]
              : []),
          ],
          title,
        );
        member.leftAt = now;
        await manager.update(PlanMemberRow, { id: member.id }, { leftAt: now });
        state.members = state.members.filter((m) => m.id !== member.id);
        await this.recorder.record(manager, state, {
          definition: PlanEvents.memberLeft,
          data: { member: memberOf(member), leftAt: now.toISOString(), reason, removedBy: actor },
          actor,
          at: now,
          timeline: { summary: `${member.agencyName} left the plan: ${reason}`, details: { memberId: member.id } },
        });
      },
    );
    return state;
  }
}
