import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  CinReferralSourceCode,
  ConsentStatus,
  IndividualReferrerRelationship,
  LevelOfNeed,
  ReferralOutcome,
  ReferralUrgency,
} from '@baton/contracts';
import type { ReferralStatus } from '../domain/triage-decision.rules.js';

export interface PersonRef {
  personId: string;
  name: string;
  agencyId: string;
}

export interface ReferralSource {
  kind: 'practitioner' | 'individual';
  agencyId?: string;
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
  relationship?: IndividualReferrerRelationship;
  identityWithheld: boolean;
}

export interface ReferralConsent {
  status: ConsentStatus;
  sharingAgreed: boolean;
  lawfulBasis?: string;
  reason?: string;
  recordedAt: string;
}

export interface ReferralChild {
  childId: string;
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  expectedDateOfBirth?: string;
  nhsNumber?: string;
  gender?: string;
}

export interface ReferralCarer {
  carerId: string;
  givenName: string;
  familyName: string;
  relationship: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface ReferralDecision {
  outcome: ReferralOutcome;
  levelOfNeed: LevelOfNeed;
  reasons: string;
  decidedAt: string;
  decidedBy: PersonRef;
  allocatedTeamId?: string;
  /** The allocated worker: a person of the tenant's people, chosen by id, with the name the directory gives. */
  allocatedWorkerId?: string;
  allocatedWorkerName?: string;
}

export interface ReferralWithdrawal {
  reason: string;
  withdrawnAt: string;
  withdrawnBy: PersonRef;
}

@Entity('referral')
export class Referral {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  tenant: string;

  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('text')
  status: ReferralStatus;

  /** Optimistic concurrency: exposed as the ETag, bumped by every change. */
  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('timestamptz', { name: 'decision_due_at' })
  decisionDueAt: Date;

  @Column('text', { name: 'source_code' })
  sourceCode: CinReferralSourceCode;

  @Column('jsonb')
  source: ReferralSource;

  @Column('text', { name: 'referrer_agency_id', nullable: true })
  referrerAgencyId: string | null;

  @Column('text', { name: 'receiving_agency_id' })
  receivingAgencyId: string;

  @Column('jsonb', { name: 'submitted_by' })
  submittedBy: PersonRef;

  @Column('smallint', { name: 'proposed_level' })
  proposedLevel: LevelOfNeed;

  @Column('text')
  urgency: ReferralUrgency;

  @Column('jsonb')
  consent: ReferralConsent;

  @Column('jsonb')
  concerns: { summary: string; categories: string[] };

  @Column('jsonb')
  children: ReferralChild[];

  @Column('jsonb')
  carers: ReferralCarer[];

  @Column('uuid', { name: 'linked_to_referral_id', nullable: true })
  linkedToReferralId: string | null;

  @Column('jsonb', { nullable: true })
  decision: ReferralDecision | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('jsonb', { nullable: true })
  withdrawal: ReferralWithdrawal | null;

  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true })
  overdueNotifiedAt: Date | null;
}
