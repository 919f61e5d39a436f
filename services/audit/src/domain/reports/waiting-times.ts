import type { CaseFacts, ReferralFacts } from './case-facts.js';
import { DAY_MS, HOUR_MS, median, percentile, round2, within, type Period } from './statistics.js';

export interface WaitSummary {
  count: number;
  median?: number;
  p90?: number;
}

export interface OverdueReferral {
  referralId: string;
  familyId: string;
  receivingAgencyId: string;
  receivedAt: string;
  decisionDueAt: string;
  /** Hours past the deadline at the report's time, or at the late decision. */
  hoursOverdue: number;
  decidedAt?: string;
}

export interface WaitingTimesReport {
  period: { from: string; to: string };
  /** Referrals received in the period. */
  received: number;
  /** Receipt → triage decision, in hours, for referrals received in the period and decided. */
  receiptToDecisionHours: WaitSummary;
  /** Triage decision → plan opened, in days, for referrals accepted for early help and opened as a plan. */
  decisionToPlanDays: WaitSummary;
  /** Receipt → plan opened, in days: the family's wait from referral to support. */
  receiptToPlanDays: WaitSummary;
  decidedWithinDeadline: number;
  decidedLate: number;
  /** Still awaiting a decision and past the deadline at `asOf`, oldest first. */
  awaitingPastDeadline: OverdueReferral[];
  /** Decided in the period, but after the deadline. */
  decidedPastDeadline: OverdueReferral[];
  asOf: string;
}

function summary(values: number[]): WaitSummary {
  return { count: values.length, median: round2(median(values)), p90: round2(percentile(values, 90)) };
}

const gap = (from: string, to: string, unit: number) => (Date.parse(to) - Date.parse(from)) / unit;

/** Waiting times from referral to support for one period (statutory guidance: a decision within 1 working day). */
export function waitingTimes(facts: CaseFacts, period: Period, asOf: Date): WaitingTimesReport {
  const received = [...facts.referrals.values()].filter((r) => within(period, r.receivedAt));
  const decided = received.filter((r) => r.decidedAt !== undefined);
  const withPlan = received.filter((r) => r.decidedAt !== undefined && r.planOpenedAt !== undefined);
  const late = (r: ReferralFacts) => Date.parse(r.decidedAt as string) > Date.parse(r.decisionDueAt);
  const overdue = (r: ReferralFacts, at: string): OverdueReferral => ({
    referralId: r.referralId,
    familyId: r.familyId,
    receivingAgencyId: r.receivingAgencyId,
    receivedAt: r.receivedAt,
    decisionDueAt: r.decisionDueAt,
    hoursOverdue: round2(gap(r.decisionDueAt, at, HOUR_MS)) as number,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
  });
  const awaiting = [...facts.referrals.values()].filter(
    (r) =>
      r.decidedAt === undefined &&
      r.withdrawnAt === undefined &&
      Date.parse(r.receivedAt) < period.to.getTime() &&
      Date.parse(r.decisionDueAt) < asOf.getTime(),
  );
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    received: received.length,
    receiptToDecisionHours: summary(decided.map((r) => gap(r.receivedAt, r.decidedAt as string, HOUR_MS))),
    decisionToPlanDays: summary(withPlan.map((r) => gap(r.decidedAt as string, r.planOpenedAt as string, DAY_MS))),
    receiptToPlanDays: summary(withPlan.map((r) => gap(r.receivedAt, r.planOpenedAt as string, DAY_MS))),
    decidedWithinDeadline: decided.filter((r) => !late(r)).length,
    decidedLate: decided.filter(late).length,
    awaitingPastDeadline: awaiting
      .sort((a, b) => a.decisionDueAt.localeCompare(b.decisionDueAt))
      .map((r) => overdue(r, asOf.toISOString())),
    decidedPastDeadline: decided.filter(late).map((r) => overdue(r, r.decidedAt as string)),
    asOf: asOf.toISOString(),
  };
}
