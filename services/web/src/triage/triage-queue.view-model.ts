import { deadline, dateTime } from '../layout/dates.js';
import { familyName } from '../referral/referral-page.view-model.js';
import type { LevelOfNeedLabel, Referral } from '../referral/referrals.api.js';

export interface QueueFilters {
  urgency?: 'urgent' | 'routine';
  overdue?: boolean;
}

/** Overdue first, then urgent, then by decision deadline: what must be decided soonest is at the top. */
export function queueOrder(referrals: Referral[], now: Date): Referral[] {
  const rank = (r: Referral) => (Date.parse(r.decisionDueAt) < now.getTime() ? 0 : r.urgency === 'urgent' ? 1 : 2);
  return [...referrals].sort((a, b) => rank(a) - rank(b) || Date.parse(a.decisionDueAt) - Date.parse(b.decisionDueAt));
}

export function triageQueuePage(referrals: Referral[], filters: QueueFilters, levels: LevelOfNeedLabel[], now: Date) {
  const level = (n: number) => levels.find((l) => l.level === n)?.label ?? `Level ${n}`;
  return {
    pageTitle: filters.overdue ? 'Overdue referrals' : 'Triage queue',
    filters: {
      urgency: filters.urgency ?? '',
      overdue: filters.overdue ?? false,
      urgencyItems: [
        { value: '', text: 'Any urgency' },
        { value: 'urgent', text: 'Urgent' },
        { value: 'routine', text: 'Routine' },
      ].map((i) => ({ ...i, selected: i.value === (filters.urgency ?? '') })),
    },
    referrals: queueOrder(referrals, now).map((r) => ({
      href: `/referrals/${r.id}`,
      family: familyName(r),
      received: dateTime(r.receivedAt),
      due: `Decision due by ${deadline(r.decisionDueAt)}`,
      overdue: Date.parse(r.decisionDueAt) < now.getTime(),
      urgent: r.urgency === 'urgent',
      linked: Boolean(r.linkedToReferralId),
      proposedLevel: level(r.proposedLevelOfNeed),
    })),
  };
}
