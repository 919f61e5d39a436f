import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnforcementCase } from '../enforcement/enforcement-case.entity.js';
import { OrderRequirement, OrderSession } from '../requirement/order-requirement.entity.js';

/** The parts of an order shown with it. */
@Injectable()
export class OrderReader {
  async partsOf(manager: EntityManager, orderId: string) {
    // One after another: a transaction's connection runs one query at a time.
    const requirements = await manager.find(OrderRequirement, {
      where: { orderId },
      order: { startsOn: 'ASC', id: 'ASC' },
    });
    const sessions = await manager.find(OrderSession, { where: { orderId }, order: { startsAt: 'ASC' } });
    const cases = await manager.find(EnforcementCase, { where: { orderId }, order: { openedAt: 'ASC' } });
    return { requirements, sessions, cases };
  }
}
