import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PersonRef } from '../plan/plan.entity.js';

/** Strengths and needs in one domain of the early help assessment. */
export interface AssessmentDomainRecord {
  strengths: string;
  needs: string;
  /** Needs in this domain, as Supporting Families headline outcome codes of the tenant. */
  headlineOutcomes: string[];
}

/** The early help assessment (Common Assessment Framework): three domains, the family's view, the child's voice. */
export interface AssessmentContent {
  childDevelopment: AssessmentDomainRecord;
  parentsAndCarers: AssessmentDomainRecord;
  familyAndEnvironment: AssessmentDomainRecord;
  familyView: string;
  childVoice: string;
}

@Entity('plan_assessment')
export class PlanAssessmentRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('timestamptz', { name: 'completed_at' })
  completedAt: Date;

  @Column('jsonb', { name: 'completed_by' })
  completedBy: PersonRef;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('jsonb')
  content: AssessmentContent;

  @Column('text', { name: 'shared_with_agency_ids', array: true })
  sharedWithAgencyIds: string[];
}
