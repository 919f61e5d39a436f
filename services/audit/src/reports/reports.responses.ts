import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The shapes the reports answer with as JSON (domain/reports/*.ts); each is also given as CSV (?format=csv).

export class PeriodView {
  @ApiProperty({ format: 'date-time', description: 'The first instant of the period' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'The first instant after the period' })
  to: string;
}

/** A period as asked for: calendar dates, both included. */
export class DatePeriodView {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

export class WaitSummaryView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiPropertyOptional({ description: 'Absent when count is 0' })
  median?: number;

  @ApiPropertyOptional({ description: '90th percentile (nearest rank); absent when count is 0' })
  p90?: number;
}

export class OverdueReferralView {
  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty()
  receivingAgencyId: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'date-time' })
  decisionDueAt: string;

  @ApiProperty({ description: 'Hours past the deadline at the report’s time, or at the late decision' })
  hoursOverdue: number;

  @ApiPropertyOptional({ format: 'date-time' })
  decidedAt?: string;
}

export class WaitingTimesView {
  @ApiProperty({ type: PeriodView })
  period: PeriodView;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Referrals received in the period' })
  received: number;

  @ApiProperty({ type: WaitSummaryView, description: 'Receipt → triage decision, in hours' })
  receiptToDecisionHours: WaitSummaryView;

  @ApiProperty({ type: WaitSummaryView, description: 'Triage decision → plan opened, in days' })
  decisionToPlanDays: WaitSummaryView;

  @ApiProperty({ type: WaitSummaryView, description: 'Receipt → plan opened, in days' })
  receiptToPlanDays: WaitSummaryView;

  @ApiProperty({ type: 'integer', minimum: 0 })
  decidedWithinDeadline: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  decidedLate: number;

  @ApiProperty({ type: [OverdueReferralView], description: 'Still awaiting a decision past the deadline' })
  awaitingPastDeadline: OverdueReferralView[];

  @ApiProperty({ type: [OverdueReferralView], description: 'Decided in the period, after the deadline' })
  decidedPastDeadline: OverdueReferralView[];

  @ApiProperty({ format: 'date-time' })
  asOf: string;
}

export class PastDeadlineReferralView extends OverdueReferralView {
  @ApiProperty({ enum: ['awaiting decision', 'decided late'] })
  status: string;
}

export class PastDeadlineView {
  @ApiProperty({ type: PeriodView })
  period: PeriodView;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [PastDeadlineReferralView] })
  items: PastDeadlineReferralView[];
}

export class HowMuchView {
  @ApiProperty({ type: 'integer' }) referralsReceived: number;
  @ApiProperty({ type: 'integer' }) triageDecisions: number;
  @ApiProperty({ type: 'integer' }) plansOpened: number;
  @ApiProperty({ type: 'integer' }) plansOpenDuringPeriod: number;
  @ApiProperty({ type: 'integer' }) plansClosed: number;
  @ApiProperty({ type: 'integer' }) ordersMade: number;
  @ApiProperty({ type: 'integer' }) contractsSigned: number;
  @ApiProperty({ type: 'integer' }) childrenReferred: number;
}

/** Percentages are absent when there is nothing to share out. */
export class HowWellView {
  @ApiPropertyOptional() decisionsWithinDeadlinePercent?: number;
  @ApiProperty({ type: 'integer' }) reviewsHeld: number;
  @ApiPropertyOptional() reviewsOnTimePercent?: number;
  @ApiProperty({ type: 'integer' }) reviewsOverdueFlagged: number;
  @ApiPropertyOptional({ description: 'Plans open in the period that kept one lead throughout it' })
  leadContinuityPercent?: number;

  @ApiProperty({ type: 'integer' }) leadChanges: number;
  @ApiPropertyOptional({ description: 'Median working days from an order breach to a decision that took effect' })
  enforcementDecisionMedianWorkingDays?: number;
}

export class BetterOffView {
  @ApiProperty({ type: 'integer' }) plansClosedWithNeedsMet: number;
  @ApiPropertyOptional() plansClosedWithNeedsMetPercent?: number;
  @ApiProperty({ type: 'integer' }) plansSteppedDown: number;
  @ApiProperty({ type: 'integer' }) outcomeRatingsAtReviews: number;
  @ApiPropertyOptional() outcomesImprovingPercent?: number;
  @ApiProperty({ type: 'integer' }) outcomesAchieved: number;
}

/** Outcomes-based accountability: how much, how well, is anyone better off. */
export class ReportCardView {
  @ApiProperty({ type: PeriodView })
  period: PeriodView;

  @ApiProperty({ type: HowMuchView })
  howMuch: HowMuchView;

  @ApiProperty({ type: HowWellView })
  howWell: HowWellView;

  @ApiProperty({ type: BetterOffView })
  betterOff: BetterOffView;
}

/** An Ofsted ILACS Annex A list: its template's columns, one row per child. */
export class AnnexAListView {
  @ApiProperty({ enum: [1, 2, 3] })
  list: number;

  @ApiProperty({ example: 'List 3: Referrals' })
  title: string;

  @ApiProperty({ type: DatePeriodView })
  period: DatePeriodView;

  @ApiProperty({ type: [String], description: 'Column names as the Annex A template spells them' })
  columns: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    description: 'One object per row, keyed by column name',
  })
  rows: Record<string, string | number>[];
}

export class CinCensusRowView {
  @ApiProperty() LAchildID: string;
  @ApiProperty({ format: 'date' }) CINreferralDate: string;
  @ApiProperty() ReferralSource: string;
  @ApiProperty({ enum: ['true', 'false'] }) ReferralNFA: string;
  @ApiProperty({ description: 'A date, or empty while the episode is open' }) CINclosureDate: string;
  @ApiProperty({ description: 'RC8, RC9, or empty' }) ReasonForClosure: string;
}

export class CinCensusView {
  @ApiProperty({ type: DatePeriodView })
  period: DatePeriodView;

  @ApiProperty({ type: [String] })
  columns: string[];

  @ApiProperty({ type: [CinCensusRowView] })
  rows: CinCensusRowView[];
}

/** A ledger entry cited as evidence: where it sits in the chain and the hash that seals it. */
export class EvidenceView {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() hash: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) time: string;
  @ApiProperty() actor: string;
}

export class EnforcementEvidenceCaseView {
  @ApiProperty({ format: 'uuid' }) enforcementId: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) familyId: string;
  @ApiProperty() holdingAgencyId: string;
  @ApiProperty() holdingAgencyKind: string;
  @ApiPropertyOptional({ format: 'date' }) breachOn?: string;
  @ApiPropertyOptional({ format: 'date-time' }) contactDueAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) parentContactedAt?: string;
  @ApiPropertyOptional() decision?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ type: 'integer' }) workingDaysFromBreach?: number;
  @ApiPropertyOptional({ description: 'The decision took effect (a prosecution referral needs a second approver)' })
  takesEffect?: boolean;

  @ApiProperty({ description: 'A prosecution referral waiting for its second approver' })
  awaitingApproval: boolean;

  @ApiPropertyOptional({ description: 'The decision was recorded before the parent was contacted' })
  decidedWithoutContact?: boolean;

  @ApiProperty({ description: 'No decision yet, or a prosecution referral the approver rejected' })
  undecided: boolean;

  @ApiProperty({ type: [EvidenceView] })
  evidence: EvidenceView[];

  @ApiProperty({ format: 'uri', description: "The order's timeline in the parenting service" })
  timeline: string;
}

export class EnforcementLinksView {
  @ApiProperty({ format: 'uri', description: "Parenting's consistency report for the same range" })
  consistency: string;

  @ApiProperty({ format: 'uri', description: "Parenting's exceptions list" })
  exceptions: string;
}

export class EnforcementEvidenceView {
  @ApiProperty({ type: DatePeriodView })
  period: DatePeriodView;

  @ApiProperty({ type: EnforcementLinksView })
  links: EnforcementLinksView;

  @ApiProperty({ type: [EnforcementEvidenceCaseView] })
  cases: EnforcementEvidenceCaseView[];
}
