import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  LevelOfNeed,
  PlanAssessmentSummary,
  PlanCarer,
  PlanChild,
  PlanClosureReason,
  PlanOrigin,
  PlanOutcome,
  PlanStatus,
} from '@baton/contracts';

/** A person acting for an agency, as recorded when they acted. */
export interface PersonRef {
  personId: string;
  name: string;
  agencyId: string;
}

/** A child as taf holds it: the NHS number, when known, stays here and never leaves in an event. */
export interface PlanChildRecord extends PlanChild {
  nhsNumber?: string;
}

export interface PlanAgreementRecord {
  status: 'agreed' | 'withdrawn';
  agreedAt: string;
  /** How the agreement was recorded, e.g. "signed at home visit"; from a referral, the consent given. */
  recordedAs: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
}

export interface PlanClosureRecord {
  reason: PlanClosureReason;
  reasonText?: string;
  closedBy: PersonRef;
}

@Entity('plan')
export class Plan {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  tenant: string;

  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('text')
  status: PlanStatus;

  /** Rises by one with every event about the plan; exposed as the ETag and as `planVersion`. */
  @Column('integer')
  version: number;

  @Column('smallint', { name: 'level_of_need' })
  levelOfNeed: LevelOfNeed;

  @Column('text')
  origin: PlanOrigin;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('jsonb', { name: 'opened_by' })
  openedBy: PersonRef;

  @Column('uuid', { name: 'referral_ids', array: true })
  referralIds: string[];

  @Column('jsonb')
  children: PlanChildRecord[];

  @Column('jsonb')
  carers: PlanCarer[];

  @Column('jsonb')
  outcomes: PlanOutcome[];

  @Column('uuid', { name: 'lead_id' })
  leadId: string;

  @Column('smallint', { name: 'review_cadence_weeks' })
  reviewCadenceWeeks: number;

  @Column('date', { name: 'next_review_date', nullable: true })
  nextReviewDate: string | null;

  @Column('date', { name: 'last_review_date', nullable: true })
  lastReviewDate: string | null;

  @Column('date', { name: 'review_overdue_notified_for', nullable: true })
  reviewOverdueNotifiedFor: string | null;

  @Column('jsonb')
  agreement: PlanAgreementRecord;

  @Column('jsonb', { name: 'assessment_summary', nullable: true })
  assessmentSummary: PlanAssessmentSummary | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('jsonb', { nullable: true })
  closure: PlanClosureRecord | null;
}
