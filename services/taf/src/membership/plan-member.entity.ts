import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency on the Team Around the Family, with its contact for this family. */
@Entity('plan_member')
export class PlanMemberRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('text')
  tenant: string;

  @Column('text', { name: 'agency_id' })
  agencyId: string;

  @Column('text', { name: 'agency_name' })
  agencyName: string;

  @Column('text', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('text', { name: 'contact_name' })
  contactName: string;

  @Column('text')
  role: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt: Date;

  @Column('timestamptz', { name: 'left_at', nullable: true })
  leftAt: Date | null;
}
