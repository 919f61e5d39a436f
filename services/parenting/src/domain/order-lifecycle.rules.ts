import type { OrderState } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/**
 * An order is in force until the court discharges it (CDA 1998 s.9(5)), an appeal quashes it, its
 * period ends (expired) or the officer records it completed. Nothing reopens a closed order.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  'in-force': ['discharged', 'quashed', 'expired', 'completed'],
  discharged: [],
  quashed: [],
  expired: [],
  completed: [],
};

export function orderTransitionViolations(from: OrderState, to: OrderState): RuleViolation[] {
  if (ORDER_TRANSITIONS[from].includes(to)) return [];
  return [{ field: 'state', rule: 'orderLifecycle', message: `an order that is ${from} cannot become ${to}` }];
}
