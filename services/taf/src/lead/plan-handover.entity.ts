import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FamilyLeadPreferenceRecord, PlanProfessional } from '@baton/contracts';
import type { PersonRef } from '../plan/plan.entity.js';

export type HandoverStatus = 'proposed' | 'accepted' | 'declined' | 'superseded' | 'lapsed';

/** A proposed change of lead professional, and what became of it. */
@Entity('plan_handover')
export class PlanHandoverRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('text')
  status: HandoverStatus;

  @Column('jsonb', { name: 'proposed_lead' })
  proposedLead: PlanProfessional;

  @Column('jsonb', { name: 'family_preference' })
  familyPreference: FamilyLeadPreferenceRecord;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb', { name: 'proposed_by' })
  proposedBy: PersonRef;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason: string | null;
}
