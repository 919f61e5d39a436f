import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The parenting service's copy of a family's TAF plan: its lead professional and member agencies. */
@Entity('family_plan')
export class FamilyPlan {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('boolean') open: boolean;
  @Column('text', { name: 'lead_person_id', nullable: true }) leadPersonId: string | null;
  @Column('text', { name: 'lead_agency_id', nullable: true }) leadAgencyId: string | null;
  @Column('text', { name: 'member_agency_ids', array: true }) memberAgencyIds: string[];
  @Column('integer') version: number;
}
