import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One stretch of time during which one person was the plan's lead professional. */
@Entity('plan_lead')
export class PlanLeadRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('text', { name: 'person_id' })
  personId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'agency_id' })
  agencyId: string;

  @Column('text', { name: 'agency_name' })
  agencyName: string;

  @Column('text')
  role: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('uuid', { name: 'handover_id', nullable: true })
  handoverId: string | null;

  /** The lead this one took over from; null for the lead the plan opened with. */
  @Column('uuid', { name: 'previous_lead_id', nullable: true })
  previousLeadId: string | null;
}
