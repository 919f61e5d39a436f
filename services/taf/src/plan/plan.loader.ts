import { TenantDirectory } from '@baton/tenancy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import { relationshipTo, type PlanRelationship } from '../access/plan-access.policy.js';
import type { PlanState } from './plan-state.js';
import { PlanStore } from './plan.store.js';

export interface PlanForCaller {
  state: PlanState;
  relationship: PlanRelationship;
}

/**
 * Loads a plan only for a caller related to it, or holding a live break-glass grant for its family; to anyone
 * else it does not exist (404, not 403).
 */
@Injectable()
export class PlanLoader {
  constructor(
    private readonly store: PlanStore,
    private readonly tenants: TenantDirectory,
    private readonly breakGlass: BreakGlassGrants,
  ) {}

  async forCaller(
    manager: EntityManager,
    caller: Caller,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<PlanForCaller> {
    const state = await this.store.load(manager, caller.tenant, id, options);
    const relationship = state
      ? relationshipTo(caller, {
          tenant: state.plan.tenant,
          lead: state.lead,
          memberAgencyIds: state.members.map((m) => m.agencyId),
          frontDoorAgencyId: this.tenants.tenant(caller.tenant)?.referralFrontDoorAgencyId,
        })
      : undefined;
    if (!state) throw ProblemException.notFound(`Plan ${id}`);
    if (relationship) return { state, relationship };
    // No relationship: a live break-glass grant for the plan's family lets the caller read it (and only read).
    if (await this.breakGlass.liveFor(caller, state.plan.familyId, manager))
      return { state, relationship: 'break-glass' };
    throw ProblemException.notFound(`Plan ${id}`);
  }
}
