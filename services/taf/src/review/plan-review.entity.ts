import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanOutcomeProgress, PlanReviewAttendee } from '@baton/contracts';
import type { PersonRef } from '../plan/plan.entity.js';

@Entity('plan_review')
export class PlanReviewRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('date', { name: 'held_on' })
  heldOn: string;

  @Column('jsonb')
  attendees: PlanReviewAttendee[];

  @Column('jsonb')
  progress: PlanOutcomeProgress[];

  @Column('text')
  decisions: string;

  @Column('date', { name: 'next_review_date' })
  nextReviewDate: string;

  @Column('jsonb', { name: 'recorded_by' })
  recordedBy: PersonRef;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
