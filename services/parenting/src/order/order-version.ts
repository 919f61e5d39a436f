import type { EntityManager } from 'typeorm';
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
  Object.assign(order, patch);
  order.version += 1;
  await manager.update(ParentingOrder, { id: order.id }, { ...patch, version: order.version });
}
