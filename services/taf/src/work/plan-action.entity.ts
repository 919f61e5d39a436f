import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanActionStatus } from '@baton/contracts';

/** An action towards an agreed outcome, owned by a member agency. */
@Entity('plan_action')
export class PlanActionRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('uuid', { name: 'outcome_id' })
  outcomeId: string;

  @Column('text')
  description: string;

  @Column('text', { name: 'owner_agency_id' })
  ownerAgencyId: string;

  @Column('text', { name: 'owner_person_id', nullable: true })
  ownerPersonId: string | null;

  @Column('text', { name: 'owner_name', nullable: true })
  ownerName: string | null;

  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('text')
  status: PlanActionStatus;

  /** The due date the overdue event went out for; a new due date can become overdue again. */
  @Column('date', { name: 'overdue_notified_for', nullable: true })
  overdueNotifiedFor: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
