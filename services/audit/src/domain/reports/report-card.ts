import type { CaseFacts, LedgeredEvent, PlanFacts } from './case-facts.js';
import { median, percentage, within, type Period } from './statistics.js';

/** Progress words that count as better off at a review. */
const IMPROVING = new Set(['some-progress', 'good-progress', 'achieved']);

export interface ReportCard {
  period: { from: string; to: string };
  howMuch: {
    referralsReceived: number;
    triageDecisions: number;
    plansOpened: number;
    plansOpenDuringPeriod: number;
    plansClosed: number;
    ordersMade: number;
    contractsSigned: number;
    childrenReferred: number;
  };
  howWell: {
    decisionsWithinDeadlinePercent?: number;
    reviewsHeld: number;
    reviewsOnTimePercent?: number;
    reviewsOverdueFlagged: number;
    /** Share of plans open in the period that kept one lead professional throughout it. */
    leadContinuityPercent?: number;
    leadChanges: number;
    /**
     * Median working days from an order breach to the enforcement decision, over decisions that took effect in the
     * period: a prosecution referral when it was approved (counted from the breach to the referral), never while
     * it awaits approval or after it was rejected.
     */
    enforcementDecisionMedianWorkingDays?: number;
  };
  betterOff: {
    plansClosedWithNeedsMet: number;
    plansClosedWithNeedsMetPercent?: number;
    plansSteppedDown: number;
    outcomeRatingsAtReviews: number;
    outcomesImprovingPercent?: number;
    outcomesAchieved: number;
  };
}

const openDuring = (plan: PlanFacts, period: Period) =>
  Date.parse(plan.openedAt) < period.to.getTime() &&
  (plan.closedAt === undefined || Date.parse(plan.closedAt) >= period.from.getTime());

/** The outcomes-based accountability report card: how much, how well, is anyone better off. */
export function reportCard(facts: CaseFacts, events: readonly LedgeredEvent[], period: Period): ReportCard {
  const referrals = [...facts.referrals.values()];
  const plans = [...facts.plans.values()];
  const received = referrals.filter((r) => within(period, r.receivedAt));
  const decided = referrals.filter((r) => within(period, r.decidedAt));
  const onTime = decided.filter((r) => Date.parse(r.decidedAt as string) <= Date.parse(r.decisionDueAt));
  const open = plans.filter((p) => openDuring(p, period));
  const reviews = plans.flatMap((p) => p.reviews).filter((r) => within(period, `${r.heldOn}T12:00:00Z`));
  const reviewsOnTime = reviews.filter((r) => r.dueOn === undefined || r.heldOn <= r.dueOn);
  const leadChanges = open.flatMap((p) => p.leadChanges.filter((at) => within(period, at)));
  const steady = open.filter((p) => !p.leadChanges.some((at) => within(period, at)));
  const closed = plans.filter((p) => within(period, p.closedAt));
  const needsMet = closed.filter((p) => p.closureReason === 'needs-met');
  const ratings = reviews.flatMap((r) => r.progress);
  const inPeriod = (type: string) => events.filter((e) => e.event.type === type && within(period, e.event.time));
  const enforcementDays = effectiveDecisionDays(events, period);
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    howMuch: {
      referralsReceived: received.length,
      triageDecisions: decided.length,
      plansOpened: plans.filter((p) => within(period, p.openedAt)).length,
      plansOpenDuringPeriod: open.length,
      plansClosed: closed.length,
      ordersMade: inPeriod('baton.order.made.v1').length,
      contractsSigned: inPeriod('baton.contract.signed.v1').length,
      childrenReferred: new Set(received.flatMap((r) => r.children.map((c) => c.childId))).size,
    },
    howWell: {
      decisionsWithinDeadlinePercent: percentage(onTime.length, decided.length),
      reviewsHeld: reviews.length,
      reviewsOnTimePercent: percentage(reviewsOnTime.length, reviews.length),
      reviewsOverdueFlagged: inPeriod('baton.plan.review-overdue.v1').length,
      leadContinuityPercent: percentage(steady.length, open.length),
      leadChanges: leadChanges.length,
      enforcementDecisionMedianWorkingDays: median(enforcementDays),
    },
    betterOff: {
      plansClosedWithNeedsMet: needsMet.length,
      plansClosedWithNeedsMetPercent: percentage(needsMet.length, closed.length),
      plansSteppedDown: closed.filter((p) => p.closureReason === 'stepped-down').length,
      outcomeRatingsAtReviews: ratings.length,
      outcomesImprovingPercent: percentage(ratings.filter((r) => IMPROVING.has(r)).length, ratings.length),
      outcomesAchieved: ratings.filter((r) => r === 'achieved').length,
    },
  };
}

function effectiveDecisionDays(events: readonly LedgeredEvent[], period: Period): number[] {
  const daysOf = new Map<string, unknown>();
  const days: unknown[] = [];
  for (const { event } of events) {
    const d = event.data;
    if (event.type === 'baton.order.enforcement-decided.v1') {
      daysOf.set(String(d.enforcementId), d.workingDaysFromBreach);
      if (d.takesEffect === true && within(period, event.time)) days.push(d.workingDaysFromBreach);
    }
    if (event.type === 'baton.order.prosecution-approved.v1' && within(period, event.time)) {
      days.push(daysOf.get(String(d.enforcementId)));
    }
  }
  return days.filter((n): n is number => typeof n === 'number');
}
