import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgrammeSetting, RequirementKind } from '@baton/contracts';

/** One requirement of an order: the programme or an additional requirement, each with its own period. */
@Entity('order_requirement')
export class OrderRequirement {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') tenant: string;
  @Column('text') kind: RequirementKind;
  @Column('text') description: string;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
  @Column('text', { nullable: true }) setting: ProgrammeSetting | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** A session of the parenting programme, directed by the responsible officer. */
@Entity('order_session')
export class OrderSession {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'requirement_id' }) requirementId: string;
  @Column('text') tenant: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('date', { name: 'session_on' }) sessionOn: string;
  /** The programme's first day, kept with the session so a session past 3 months is marked as written. */
  @Column('date', { name: 'programme_starts_on' }) programmeStartsOn: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
