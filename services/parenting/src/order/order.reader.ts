import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnforcementCase } from '../enforcement/enforcement-case.entity.js';
import { OrderRequirement, OrderSession } from '../requirement/order-requirement.entity.js';

/** The parts of an order shown with it. */
@Injectable()
export class OrderReader {
  async partsOf(manager: EntityManager, orderId: string) {
    const [requirements, sessions, cases] = await Promise.all([
      manager.find(OrderRequirement, { where: { orderId }, order: { startsOn: 'ASC', id: 'ASC' } }),
      manager.find(OrderSession, { where: { orderId }, order: { startsAt: 'ASC' } }),
      manager.find(EnforcementCase, { where: { orderId }, order: { openedAt: 'ASC' } }),
    ]);
    return { requirements, sessions, cases };
  }
}
