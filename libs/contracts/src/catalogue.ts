import { AccessEvents } from './access/access-events.js';
import { BreakGlassEvents } from './break-glass/break-glass-events.js';
import type { EventDefinition } from './event-definition.js';
import { ContractEvents } from './contract/contract-events.js';
import { OrderEvents } from './order/order-events.js';
import { ReferralEvents } from './referral/referral-events.js';
import { PlanEvents } from './plan/plan-events.js';

/** Every event type Baton publishes. A new type is added here and to its aggregate's events. */
export const catalogue: readonly EventDefinition[] = Object.freeze([
  ...Object.values(ReferralEvents),
  ...Object.values(AccessEvents),
  ...Object.values(BreakGlassEvents),
  ...Object.values(ContractEvents),
  ...Object.values(OrderEvents),
  ...Object.values(PlanEvents),
]);

const byType = new Map(catalogue.map((d) => [d.type, d]));

export function definitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}
