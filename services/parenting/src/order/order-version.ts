import type { EntityManager } from 'typeorm';
import { orderTransitionViolations } from '../domain/order-lifecycle.rules.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { ParentingOrder } from './parenting-order.entity.js';

/**
 * Applies a change to a locked order and moves its version on: every step is one version, which
 * each event carries so consumers keep the latest.
 */
export async function saveOrderStep(
  manager: EntityManager,
  order: ParentingOrder,
  patch: Partial<Pick<ParentingOrder, 'state' | 'requirementsEndOn' | 'openEnforcementCases' | 'closedOn'>> = {},
): Promise<void> {
  if (patch.state !== undefined)
    refuseIfAny(orderTransitionViolations(order.state, patch.state), 'The order cannot change', 409);
  Object.assign(order, patch);
  order.version += 1;
  await manager.update(ParentingOrder, { id: order.id }, { ...patch, version: order.version });
}
