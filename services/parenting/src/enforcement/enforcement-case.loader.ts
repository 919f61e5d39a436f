import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import { OrderLoader, isUuid } from '../order/order.loader.js';
import type { ParentingOrder } from '../order/parenting-order.entity.js';
import { EnforcementCase } from './enforcement-case.entity.js';

/** An enforcement case with its order locked: steps on one order are taken one at a time. */
@Injectable()
export class EnforcementCaseLoader {
  constructor(private readonly orders: OrderLoader) {}

  async forHolder(
    manager: EntityManager,
    caller: Caller,
    orderId: string,
    caseId: string,
  ): Promise<{ order: ParentingOrder; enforcement: EnforcementCase }> {
    const order = await this.orders.forHolder(manager, caller, orderId);
    const enforcement = isUuid(caseId) ? await manager.findOneBy(EnforcementCase, { id: caseId, orderId }) : null;
    if (!enforcement) throw ProblemException.notFound(`Enforcement case ${caseId}`);
    return { order, enforcement };
  }
}
