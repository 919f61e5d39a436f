import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { PlanHandoverRow } from '../lead/plan-handover.entity.js';
import { PlanLeadRow } from '../lead/plan-lead.entity.js';
import { PlanMemberRow } from '../membership/plan-member.entity.js';
import { PlanActionRow } from '../work/plan-action.entity.js';
import { Plan } from './plan.entity.js';
import type { PlanState } from './plan-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    const plan = await manager.findOne(Plan, {
      where: { id, tenant },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return plan ? this.complete(manager, plan) : undefined;
  }

  /** The rest of a plan already read. */
  async complete(manager: EntityManager, plan: Plan): Promise<PlanState> {
    const reads = [
      () => manager.findOneByOrFail(PlanLeadRow, { id: plan.leadId }),
      () => manager.find(PlanMemberRow, { where: { planId: plan.id, leftAt: IsNull() }, order: { joinedAt: 'ASC' } }),
      () => manager.find(PlanActionRow, { where: { planId: plan.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      () => manager.findOneBy(PlanHandoverRow, { planId: plan.id, status: 'proposed' }),
    ] as const;
    // In a transaction the reads share one connection and go one after another; outside, the pool runs them together.
    const inTransaction = manager.queryRunner?.isTransactionActive === true;
    const [lead, members, actions, pendingHandover] = inTransaction
      ? [await reads[0](), await reads[1](), await reads[2](), await reads[3]()]
      : await Promise.all([reads[0](), reads[1](), reads[2](), reads[3]()]);
    return { plan, lead, members, actions, ...(pendingHandover ? { pendingHandover } : {}) };
  }
}
