import type { Referral } from '../referral/referrals.api.js';
import { queueOrder } from './triage-queue.view-model.js';

const now = new Date('2026-12-03T12:00:00Z');
const referral = (id: string, decisionDueAt: string, urgency: 'urgent' | 'routine' = 'routine') =>
  ({ id, decisionDueAt, urgency }) as Referral;

describe('the triage queue', () => {
  it('puts overdue referrals first, then urgent ones, then the rest by decision deadline', () => {
    const ordered = queueOrder(
      [
        referral('later', '2026-12-04T17:00:00Z'),
        referral('urgent', '2026-12-04T18:00:00Z', 'urgent'),
        referral('sooner', '2026-12-03T17:00:00Z'),
        referral('overdue', '2026-12-02T17:00:00Z'),
      ],
      now,
    );
    expect(ordered.map((r) => r.id)).toEqual(['overdue', 'urgent', 'sooner', 'later']);
  });
});
