import { ORDER_STATES } from '@baton/contracts';
import { orderTransitionViolations } from './order-lifecycle.rules.js';

describe('order lifecycle', () => {
  it.each(['discharged', 'quashed', 'expired', 'completed'] as const)('ends an order in force as %s', (to) => {
    expect(orderTransitionViolations('in-force', to)).toEqual([]);
  });

  it('never reopens or changes a closed order', () => {
    for (const from of ORDER_STATES.filter((s) => s !== 'in-force')) {
      for (const to of ORDER_STATES) {
        expect(orderTransitionViolations(from, to)).toEqual([expect.objectContaining({ rule: 'orderLifecycle' })]);
      }
    }
  });
});
